// Guided calls: start a call on the recommended script (pinned to its current version), answer it
// step by step, go back a step, end it early, resume it; scripts, their versions and analytics.
import { z } from 'zod'
import type { CallRun, CallScript } from '../../response/index.js'
import {
  answerStep,
  endCallEarly,
  endReasons,
  getCall,
  parseCallScript,
  problemMessage,
  scriptAnalytics,
  scriptProblems,
  startCall,
  stepBack,
} from '../../response/index.js'
import { openCallsOf } from '../../response/call-runs.repository.js'
import { maskIdentifier, maskText } from '../../privacy/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'
import type { ResponseServices } from '../response-services.js'

const idParams = z.object({ id: z.string().min(1).max(128) })
const startBody = z
  .object({
    script_id: z.string().trim().min(1).max(100),
    phone: z.string().trim().min(1).max(64).optional(),
    customer_id: z.string().trim().min(1).max(128).optional(),
    contact_id: z.string().trim().min(1).max(128).optional(),
  })
  .refine((b) => b.phone || b.customer_id || b.contact_id, {
    message: "give the caller's phone, the customer or a contact",
    path: ['phone'],
  })
const answerBody = z.object({
  step_id: z.string().min(1).max(100),
  value: z.union([z.string().max(2000), z.number(), z.null()]).optional(),
})
const endBody = z.object({ reason: z.enum(endReasons) })
const versionQuery = z.object({ version: z.coerce.number().int().positive().optional() })

/** What leaves the API about a call: the caller masked, free-text answers masked. */
export function presentCall(run: CallRun, script: CallScript) {
  return {
    ...run,
    caller_identifier: run.caller_identifier ? maskIdentifier(run.caller_identifier) : null,
    answers: run.answers.map((a) => ({
      ...a,
      value: typeof a.value === 'string' ? maskText(a.value) : a.value,
      say: script.steps.find((s) => s.id === a.step_id)?.say ?? null,
    })),
    script: { id: script.id, version: script.version, title: script.title },
    step: script.steps.find((s) => s.id === run.current_step) ?? null,
  }
}

export function callRoutes(app: Api, deps: ServerDeps, rs: ResponseServices): void {
  const audit = (
    request: { ip: string },
    p: { name: string; role: string },
    action: string,
    id: string,
    detail: Record<string, unknown> = {},
  ) =>
    deps.audit.record({
      actor: p.name,
      actor_role: p.role,
      action,
      target_kind: 'call',
      target_id: id,
      detail,
      ip: request.ip,
    })

  app.post(
    '/api/calls',
    { schema: { body: startBody, tags: ['calls'] }, preHandler: requirePermission('calls:run') },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const run = await startCall(rs.calls, {
        scriptId: request.body.script_id,
        phone: request.body.phone,
        customerId: request.body.customer_id,
        contactId: request.body.contact_id,
        actor: p.name,
      })
      audit(request, p, 'call.start', run.call_id, {
        script: `${run.script_id}@${run.script_version}`,
        contact_id: run.contact_id,
      })
      const { script } = await getCall(rs.calls, run.call_id)
      return reply.code(201).send(presentCall(run, script))
    },
  )

  app.get(
    '/api/calls',
    { schema: { tags: ['calls'] }, preHandler: requirePermission('calls:run') },
    async (request) => {
      const p = principalOrThrow(request)
      const runs = await openCallsOf(deps.ctx.db, p.name, 20)
      return {
        items: runs.map((r) =>
          presentCall(
            r,
            deps.scripts.versionOf(r.script_id, r.script_version)?.script ??
              deps.scripts.currentOrFallback(r.script_id),
          ),
        ),
      }
    },
  )

  app.get(
    '/api/calls/:id',
    { schema: { params: idParams, tags: ['calls'] }, preHandler: requirePermission('calls:run') },
    async (request) => {
      const { run, script } = await getCall(rs.calls, request.params.id)
      return presentCall(run, script)
    },
  )

  app.post(
    '/api/calls/:id/answers',
    {
      schema: { params: idParams, body: answerBody, tags: ['calls'] },
      preHandler: requirePermission('calls:run'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const r = await answerStep(rs.calls, request.params.id, {
        stepId: request.body.step_id,
        value: request.body.value ?? null,
        actor: p.name,
      })
      audit(request, p, 'call.answer', r.run.call_id, {
        step: request.body.step_id,
        outcome: r.run.outcome,
        signal: r.run.answers.at(-1)?.signal ?? null,
      })
      return {
        ...presentCall(r.run, r.script),
        verification: r.verification ? { task_id: r.verification.task_id } : null,
        assessment_changes: r.changes.map((c) => ({ ...c, reason: { ...c.reason } })),
      }
    },
  )

  app.post(
    '/api/calls/:id/back',
    { schema: { params: idParams, tags: ['calls'] }, preHandler: requirePermission('calls:run') },
    async (request) => {
      const p = principalOrThrow(request)
      const run = await stepBack(rs.calls, request.params.id, p.name)
      audit(request, p, 'call.back', run.call_id, { step: run.current_step })
      return presentCall(run, (await getCall(rs.calls, run.call_id)).script)
    },
  )

  app.post(
    '/api/calls/:id/end',
    {
      schema: { params: idParams, body: endBody, tags: ['calls'] },
      preHandler: requirePermission('calls:run'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const run = await endCallEarly(rs.calls, request.params.id, request.body.reason)
      audit(request, p, 'call.end', run.call_id, {
        reason: request.body.reason,
        step: run.current_step,
      })
      return presentCall(run, (await getCall(rs.calls, run.call_id)).script)
    },
  )

  app.get(
    '/api/scripts',
    { schema: { tags: ['calls'] }, preHandler: requirePermission('rules:read') },
    () => ({
      items: deps.scripts.ids().map((id) => {
        const versions = deps.scripts.list(id)
        const current = versions.at(-1)
        return {
          id,
          title: current?.script.title,
          current_version: current?.script.version,
          versions: versions.map((v) => ({
            version: v.script.version,
            source: v.source,
            created_by: v.created_by,
            created_at: v.created_at,
          })),
        }
      }),
    }),
  )

  app.get(
    '/api/scripts/:id',
    {
      schema: { params: idParams, querystring: versionQuery, tags: ['calls'] },
      preHandler: requirePermission('rules:read'),
    },
    (request) => {
      const { id } = request.params
      const v = request.query.version
      const script = v ? deps.scripts.versionOf(id, v)?.script : deps.scripts.current(id)
      if (!script)
        throw new HttpProblem('not-found', `no call script ${id}${v ? ` version ${v}` : ''}`)
      return script
    },
  )

  /** The body as the next version of script `id`: the id from the path, the version assigned. */
  const asEdit = (id: string, body: unknown) => ({
    ...(typeof body === 'object' && body !== null ? body : {}),
    id,
    version: 1,
  })

  app.post(
    '/api/scripts/:id/check',
    {
      schema: { params: idParams, tags: ['calls'] },
      preHandler: requirePermission('scripts:manage'),
    },
    (request) => {
      const problems = scriptProblems(asEdit(request.params.id, request.body))
      return { ok: problems.length === 0, problems }
    },
  )

  app.put(
    '/api/scripts/:id',
    {
      schema: { params: idParams, tags: ['calls'] },
      preHandler: requirePermission('scripts:manage'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const body = asEdit(request.params.id, request.body)
      const problems = scriptProblems(body)
      if (problems.length)
        throw new HttpProblem('validation', problems.map(problemMessage).join('; '), {
          errors: problems.map((x) => ({ field: x.field, message: problemMessage(x) })),
        })
      const script = await deps.scripts.publish(deps.ctx, parseCallScript(body), p.name)
      deps.audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'script.publish',
        target_kind: 'call_script',
        target_id: script.id,
        detail: { version: script.version },
        ip: request.ip,
      })
      return script
    },
  )

  app.get(
    '/api/scripts/:id/analytics',
    {
      schema: { params: idParams, querystring: versionQuery, tags: ['calls'] },
      preHandler: requirePermission('stats:read'),
    },
    (request) => scriptAnalytics(deps.ctx, request.params.id, request.query.version),
  )
}
