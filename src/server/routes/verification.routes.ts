// Verification with the customer: the task queue for call-backs, creating tasks, recording the
// customer's answer (which re-assesses the contacts it touches), the outbox with its delivery
// status, gateway receipts, the local inbox, and the assessment changes with their reasons.
import { z } from 'zod'
import { maskPhone, maskText } from '../../privacy/index.js'
import { assessmentChangesOf } from '../../response/index.js'
import type { OutboxMessage, VerificationTask } from '../../verification/index.js'
import {
  createVerificationTask,
  latestMessageOfTasks,
  listMessages,
  listTasks,
  outboxStatuses,
  previewVerificationMessage,
  receiptStatuses,
  recordReceipt,
  recordVerificationOutcome,
  taskStatuses,
  verificationChannels,
  verificationOutcomes,
} from '../../verification/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'
import { csvOf, pageLimit } from '../query-params.js'
import type { ResponseServices } from '../response-services.js'

const idParams = z.object({ id: z.string().min(1).max(128) })
const taskQuery = z.object({
  status: csvOf(taskStatuses),
  channel: csvOf(verificationChannels),
  customer_id: z.string().max(128).optional(),
  contact_id: z.string().max(128).optional(),
  limit: pageLimit(200),
})
const taskBody = z.object({
  customer_id: z.string().trim().min(1).max(128),
  contact_id: z.string().trim().min(1).max(128).optional(),
  representative_id: z.string().trim().min(1).max(128).optional(),
  channel: z.enum(verificationChannels),
})
const outcomeBody = z.object({
  outcome: z.enum(verificationOutcomes),
  note: z.string().trim().max(2000).optional(),
})
const outboxQuery = z.object({
  status: csvOf(outboxStatuses),
  task_id: z.string().max(128).optional(),
  limit: pageLimit(200),
})
const receiptBody = z.object({
  status: z.enum(receiptStatuses),
  error: z.string().max(500).optional(),
})
const changesQuery = z.object({ contact_id: z.string().min(1).max(128) })
const previewQuery = z.object({
  customer_id: z.string().trim().min(1).max(128),
  contact_id: z.string().trim().min(1).max(128).optional(),
})

/** A task as the queue sees it; for SMS and in-app, its latest message's real delivery status. */
function presentTask(t: VerificationTask, message?: OutboxMessage) {
  const { representative_key: key, ...rest } = t
  return {
    ...rest,
    representative: t.representative_label,
    via_registered_channel: t.channel,
    has_phone: key.startsWith('phone:'),
    delivery: message
      ? {
          message_id: message.message_id,
          status: message.status,
          attempts: message.attempts,
          last_error: message.last_error,
          delivered_at: message.delivered_at,
        }
      : null,
  }
}

function presentMessage(m: OutboxMessage) {
  return {
    ...m,
    recipient: m.channel === 'sms' ? maskPhone(m.recipient) : m.recipient,
    body: maskText(m.body),
  }
}

export function verificationRoutes(app: Api, deps: ServerDeps, rs: ResponseServices): void {
  const { ctx } = deps
  const audit = (
    ip: string,
    p: { name: string; role: string },
    action: string,
    kind: string,
    id: string | null,
    detail: Record<string, unknown> = {},
  ) =>
    deps.audit.record({
      actor: p.name,
      actor_role: p.role,
      action,
      target_kind: kind,
      target_id: id,
      detail,
      ip,
    })

  app.get(
    '/api/verification/tasks',
    {
      schema: { querystring: taskQuery, tags: ['verification'] },
      preHandler: requirePermission('contacts:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const items = await listTasks(ctx.db, request.query)
      const messages = await latestMessageOfTasks(
        ctx.db,
        items.filter((t) => t.channel !== 'callback').map((t) => t.task_id),
      )
      audit(request.ip, p, 'verification.list', 'verification_task', null, {
        filter: request.query,
        returned: items.length,
      })
      return { items: items.map((t) => presentTask(t, messages.get(t.task_id))) }
    },
  )

  app.post(
    '/api/verification/tasks',
    {
      schema: { body: taskBody, tags: ['verification'] },
      preHandler: requirePermission('verification:work'),
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const b = request.body
      const r = await createVerificationTask(rs.verification, {
        customerId: b.customer_id,
        contactId: b.contact_id,
        representativeId: b.representative_id,
        channel: b.channel,
        actor: p.name,
      })
      audit(request.ip, p, 'verification.create', 'verification_task', r.task.task_id, {
        channel: b.channel,
        created: r.created,
      })
      return reply.code(r.created ? 201 : 200).send({ ...presentTask(r.task), created: r.created })
    },
  )

  app.get(
    '/api/verification/message-preview',
    {
      schema: { querystring: previewQuery, tags: ['verification'] },
      preHandler: requirePermission('verification:work'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const q = request.query
      const r = await previewVerificationMessage(ctx, {
        customerId: q.customer_id,
        contactId: q.contact_id,
      })
      audit(request.ip, p, 'verification.preview', 'customer', q.customer_id, {
        contact_id: q.contact_id ?? null,
      })
      return r
    },
  )

  app.post(
    '/api/verification/tasks/:id/outcome',
    {
      schema: { params: idParams, body: outcomeBody, tags: ['verification'] },
      preHandler: requirePermission('verification:work'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const r = await recordVerificationOutcome(rs.verification, request.params.id, {
        outcome: request.body.outcome,
        note: request.body.note,
        actor: p.name,
      })
      audit(request.ip, p, 'verification.outcome', 'verification_task', r.task.task_id, {
        outcome: request.body.outcome,
        changed: r.changes.length,
      })
      return { task: presentTask(r.task), assessment_changes: r.changes }
    },
  )

  app.get(
    '/api/verification/outbox',
    {
      schema: { querystring: outboxQuery, tags: ['verification'] },
      preHandler: requirePermission('verification:work'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const items = await listMessages(ctx.db, request.query)
      audit(request.ip, p, 'outbox.list', 'outbox', null, { returned: items.length })
      return { adapter: rs.outbox.adapter.name, items: items.map(presentMessage) }
    },
  )

  app.post(
    '/api/verification/outbox/:id/receipt',
    {
      schema: { params: idParams, body: receiptBody, tags: ['verification'] },
      preHandler: requirePermission('verification:work'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const m = await recordReceipt(ctx, request.params.id, request.body)
      if (!m) throw new HttpProblem('not-found', `no outbox message ${request.params.id}`)
      if (m.status !== request.body.status)
        throw new HttpProblem(
          'conflict',
          `message ${m.message_id} is ${m.status}: only a sent message takes a receipt`,
        )
      audit(request.ip, p, 'outbox.receipt', 'outbox', m.message_id, {
        status: request.body.status,
      })
      return presentMessage(m)
    },
  )

  app.get(
    '/api/verification/local-inbox',
    { schema: { tags: ['verification'] }, preHandler: requirePermission('verification:work') },
    async (request) => {
      const p = principalOrThrow(request)
      if (!rs.outbox.local)
        throw new HttpProblem('not-found', 'the outbox is not using the local inbox adapter')
      const items = await rs.outbox.local.read(100)
      audit(request.ip, p, 'outbox.local_inbox', 'outbox', null, { returned: items.length })
      return {
        dir: rs.outbox.local.dir,
        items: items.map((e) => ({
          ...e,
          recipient: e.channel === 'sms' ? maskPhone(e.recipient) : e.recipient,
          body: maskText(e.body),
        })),
      }
    },
  )

  app.get(
    '/api/assessment-changes',
    {
      schema: { querystring: changesQuery, tags: ['verification'] },
      preHandler: requirePermission('contacts:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const items = await assessmentChangesOf(ctx, request.query.contact_id)
      audit(request.ip, p, 'assessment_changes.read', 'contact', request.query.contact_id)
      return { items }
    },
  )
}
