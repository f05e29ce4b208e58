// The workbench: the filtered queue, one contact's detail, unmasking (audited, with a reason) and
// bulk review decisions.
import { z } from 'zod'
import { categories, channels, risks, severities } from '../../contract/index.js'
import { normalizeIdentifierFilter } from '../identifier-filter.js'
import type { ReviewDecision } from '../../workbench/index.js'
import {
  contactDetail,
  contactQueue,
  recordReviews,
  reviewDecisions,
} from '../../workbench/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'
import { csvOf, csvText, isoTime, pageLimit } from '../query-params.js'

const queueQuery = z.object({
  risk: csvOf(risks),
  category: csvOf(categories),
  severity: csvOf(severities),
  channel: csvOf(channels),
  source: csvText,
  from: isoTime.optional(),
  to: isoTime.optional(),
  customer_id: z.string().max(128).optional(),
  identifier: z.string().max(2000).optional(),
  gang_id: z.string().max(200).optional(),
  review: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['unreviewed', ...reviewDecisions])))
    .optional(),
  cursor: z.string().max(500).optional(),
  limit: pageLimit(200),
})

const idParams = z.object({ id: z.string().min(1).max(128) })
const unmaskBody = z.object({
  reason: z
    .string()
    .trim()
    .min(4, { message: 'say why you need the full data (4 characters or more)' })
    .max(500),
})
const reviewBody = z.object({
  contact_ids: z.array(z.string().min(1).max(128)).min(1).max(1000),
  decision: z.enum(reviewDecisions),
  note: z.string().trim().max(2000).optional(),
})

export function contactRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit, present } = deps

  app.get(
    '/api/contacts',
    {
      schema: { querystring: queueQuery, tags: ['workbench'] },
      preHandler: requirePermission('contacts:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const q = request.query
      const identifier = q.identifier
        ? normalizeIdentifierFilter(q.identifier, deps.refs)
        : undefined
      const review = q.review?.includes('unreviewed')
        ? ('unreviewed' as const)
        : (q.review as ReviewDecision[] | undefined)
      const result = await contactQueue(
        ctx,
        {
          risk: q.risk,
          category: q.category,
          severity: q.severity,
          channel: q.channel,
          source: q.source,
          from: q.from,
          to: q.to,
          customerId: q.customer_id,
          identifier,
          gangId: q.gang_id,
          review,
        },
        { cursor: q.cursor, limit: q.limit },
      )
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'contacts.list',
        detail: {
          filter: { ...q, identifier: q.identifier ? 'ref' : undefined, cursor: undefined },
          returned: result.items.length,
        },
        ip: request.ip,
      })
      return { ...result, items: result.items.map((i) => present.queueItem(i)) }
    },
  )

  app.get(
    '/api/contacts/:id',
    {
      schema: { params: idParams, tags: ['workbench'] },
      preHandler: requirePermission('contacts:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const detail = await contactDetail(ctx, request.params.id)
      if (!detail) throw new HttpProblem('not-found', `no contact ${request.params.id}`)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'contact.read',
        target_kind: 'contact',
        target_id: request.params.id,
        ip: request.ip,
      })
      return present.detail(detail)
    },
  )

  app.post(
    '/api/contacts/:id/unmask',
    {
      schema: { params: idParams, body: unmaskBody, tags: ['workbench'] },
      preHandler: requirePermission('pii:unmask'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const detail = await contactDetail(ctx, request.params.id)
      if (!detail) throw new HttpProblem('not-found', `no contact ${request.params.id}`)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'contact.unmask',
        target_kind: 'contact',
        target_id: request.params.id,
        detail: { reason: request.body.reason, customer_id: detail.contact.customer_id ?? null },
        ip: request.ip,
      })
      // Written through at once: an unmasking must be on record before the data leaves.
      await audit.flush()
      return { contact: detail.contact, customer: detail.customer }
    },
  )

  app.post(
    '/api/contacts/review',
    {
      schema: { body: reviewBody, tags: ['workbench'] },
      preHandler: requirePermission('contacts:review'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const { contact_ids, decision, note } = request.body
      const reviews = await recordReviews(ctx, contact_ids, decision, note ?? null, p.name)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'contacts.review',
        target_kind: 'contact',
        target_id: contact_ids.length === 1 ? contact_ids[0] : null,
        detail: { decision, contacts: contact_ids.slice(0, 100), count: contact_ids.length },
        ip: request.ip,
      })
      return { reviewed: reviews.length }
    },
  )
}
