// Cases: list, open (from a contact, gang, identifier or by hand), read, update, move, comment,
// add members. Every read of a case's personal data and every change is audited.
import { z } from 'zod'
import {
  addCaseMembers,
  addMembersSchema,
  caseFile,
  caseMembersView,
  caseStates,
  commentOnCase,
  commentSchema,
  linkMatchingVictimReports,
  listCases,
  openCase,
  openCaseSchema,
  transitionCase,
  transitionSchema,
  updateCase,
  updateCaseSchema,
} from '../../cases/index.js'
import { custodyOfCase, evidenceOfCase } from '../../evidence/index.js'
import { presentCase, presentCaseFile } from '../case-present.js'
import type { Api, ServerDeps } from '../deps.js'
import { normalizeIdentifierFilter } from '../identifier-filter.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { booleanFlag, csvOf } from '../query-params.js'

export const caseParams = z.object({ id: z.string().min(1).max(64) })
const listQuery = z.object({
  state: csvOf(caseStates),
  assignee: z.string().max(100).optional(),
  severity: z.enum(['level1', 'level2']).optional(),
  joint: booleanFlag.optional(),
  gang_id: z.string().max(200).optional(),
  contact_id: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

export function caseRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit } = deps
  const read = { preHandler: requirePermission('cases:read') }
  const write = { preHandler: requirePermission('cases:write') }
  const tags = ['cases']

  app.get('/api/cases', { schema: { querystring: listQuery, tags }, ...read }, async (request) => {
    const p = principalOrThrow(request)
    const q = request.query
    const items = await listCases(ctx, {
      state: q.state,
      assignee: q.assignee,
      severity: q.severity,
      joint: q.joint,
      gangId: q.gang_id,
      contactId: q.contact_id,
      limit: q.limit,
    })
    audit.record({
      actor: p.name,
      actor_role: p.role,
      action: 'cases.list',
      detail: { filter: q, returned: items.length },
      ip: request.ip,
    })
    return {
      items: items.map((c) => ({
        ...presentCase(c),
        contacts: c.contacts,
        customers: c.customers,
        evidence: c.evidence,
      })),
    }
  })

  app.post(
    '/api/cases',
    { schema: { body: openCaseSchema, tags }, ...write },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const body = request.body
      const ref =
        body.origin === 'identifier' && body.ref
          ? normalizeIdentifierFilter(body.ref, deps.refs)
          : body.ref
      const c = await openCase(ctx, { ...body, ref }, p.name)
      const linked = await linkMatchingVictimReports(ctx, c.case_id, p.name)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'case.open',
        target_kind: 'case',
        target_id: c.case_id,
        detail: {
          origin: body.origin,
          ref: body.origin === 'identifier' ? 'ref' : (body.ref ?? null),
          victim_reports_linked: linked.length,
        },
        ip: request.ip,
      })
      return reply.code(201).send(presentCase(c))
    },
  )

  app.get('/api/cases/:id', { schema: { params: caseParams, tags }, ...read }, async (request) => {
    const p = principalOrThrow(request)
    const file = await caseFile(ctx, request.params.id)
    const [view, evidence, custody] = await Promise.all([
      caseMembersView(ctx, file.members),
      evidenceOfCase(ctx, file.case.case_id),
      custodyOfCase(ctx, file.case.case_id),
    ])
    audit.record({
      actor: p.name,
      actor_role: p.role,
      action: 'case.read',
      target_kind: 'case',
      target_id: file.case.case_id,
      ip: request.ip,
    })
    return presentCaseFile(file, view, evidence, custody, deps.present)
  })

  app.patch(
    '/api/cases/:id',
    { schema: { params: caseParams, body: updateCaseSchema, tags }, ...write },
    async (request) => {
      const p = principalOrThrow(request)
      const c = await updateCase(ctx, request.params.id, request.body, p.name)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'case.update',
        target_kind: 'case',
        target_id: c.case_id,
        detail: { fields: Object.keys(request.body) },
        ip: request.ip,
      })
      return presentCase(c)
    },
  )

  app.post(
    '/api/cases/:id/transitions',
    { schema: { params: caseParams, body: transitionSchema, tags }, ...write },
    async (request) => {
      const p = principalOrThrow(request)
      const c = await transitionCase(ctx, request.params.id, request.body, p.name)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'case.transition',
        target_kind: 'case',
        target_id: c.case_id,
        detail: { to: request.body.to, outcome: request.body.outcome ?? null },
        ip: request.ip,
      })
      return presentCase(c)
    },
  )

  app.post(
    '/api/cases/:id/comments',
    { schema: { params: caseParams, body: commentSchema, tags }, ...write },
    async (request, reply) => {
      const p = principalOrThrow(request)
      await commentOnCase(ctx, request.params.id, request.body.text, p.name)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'case.comment',
        target_kind: 'case',
        target_id: request.params.id,
        ip: request.ip,
      })
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/cases/:id/members',
    { schema: { params: caseParams, body: addMembersSchema, tags }, ...write },
    async (request) => {
      const p = principalOrThrow(request)
      const { kind, ids } = request.body
      const keys =
        kind === 'identifier' ? ids.map((i) => normalizeIdentifierFilter(i, deps.refs)) : ids
      const added = await addCaseMembers(ctx, request.params.id, kind, keys, p.name)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'case.members',
        target_kind: 'case',
        target_id: request.params.id,
        detail: { kind, count: ids.length, added },
        ip: request.ip,
      })
      return { added }
    },
  )
}
