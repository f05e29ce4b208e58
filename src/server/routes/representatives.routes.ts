// Representatives and the material standards: register one (from a contact or by hand), add
// materials, see the checklist, review with a reason. Names and phones leave masked.
import { z } from 'zod'
import { maskIdentifier, maskName } from '../../privacy/index.js'
import type { Representative } from '../../representatives/index.js'
import {
  addMaterials,
  listRepresentatives,
  registerRepresentative,
  representativeKinds,
  representativeStatuses,
  representativeView,
  reviewRepresentative,
} from '../../representatives/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { pageLimit } from '../query-params.js'
import type { ResponseServices } from '../response-services.js'
import { interchangeTime } from '../../contract/time.js'

const idParams = z.object({ id: z.string().min(1).max(128) })
const material = z.object({
  item: z.string().regex(/^[a-z0-9_]+$/),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, { message: 'a sha256 in hex (64 characters)' }),
  filename: z.string().max(300).optional(),
})
const newBody = z.object({
  customer_id: z.string().trim().min(1).max(128),
  contact_id: z.string().trim().min(1).max(128).optional(),
  kind: z.enum(representativeKinds),
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().min(1).max(64).optional(),
  organization: z.string().trim().max(300).optional(),
  authorised_until: interchangeTime.optional(),
  materials: z.array(material).max(50).optional(),
})
const reviewBody = z.object({
  status: z.enum(['verified', 'rejected', 'expired']),
  reason: z.string().trim().min(2, { message: 'say why' }).max(2000),
})
const listQuery = z.object({
  status: z.enum(representativeStatuses).optional(),
  customer_id: z.string().max(128).optional(),
  limit: pageLimit(200),
})

function mask<T extends Representative>(r: T) {
  return {
    ...r,
    name: maskName(r.name),
    phone_identifier: r.phone_identifier ? maskIdentifier(r.phone_identifier) : null,
  }
}

export function representativeRoutes(app: Api, deps: ServerDeps, rs: ResponseServices): void {
  const { ctx } = deps
  const audit = (
    ip: string,
    p: { name: string; role: string },
    action: string,
    id: string | null,
    detail: Record<string, unknown> = {},
  ) =>
    deps.audit.record({
      actor: p.name,
      actor_role: p.role,
      action,
      target_kind: 'representative',
      target_id: id,
      detail,
      ip,
    })

  app.get(
    '/api/material-standards',
    { schema: { tags: ['representatives'] }, preHandler: requirePermission('contacts:read') },
    () => rs.standards,
  )

  app.get(
    '/api/representatives',
    {
      schema: { querystring: listQuery, tags: ['representatives'] },
      preHandler: requirePermission('contacts:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const items = await listRepresentatives(ctx, request.query)
      audit(request.ip, p, 'representative.list', null, { returned: items.length })
      return { items: items.map(mask) }
    },
  )

  app.post(
    '/api/representatives',
    {
      schema: { body: newBody, tags: ['representatives'] },
      preHandler: requirePermission('verification:work'),
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const id = await registerRepresentative(ctx, request.body, p.name)
      audit(request.ip, p, 'representative.register', id, {
        kind: request.body.kind,
        customer_id: request.body.customer_id,
      })
      return reply.code(201).send(mask(await representativeView(ctx, rs.standards, id)))
    },
  )

  app.get(
    '/api/representatives/:id',
    {
      schema: { params: idParams, tags: ['representatives'] },
      preHandler: requirePermission('contacts:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const view = await representativeView(ctx, rs.standards, request.params.id)
      audit(request.ip, p, 'representative.read', view.representative_id)
      return mask(view)
    },
  )

  app.post(
    '/api/representatives/:id/materials',
    {
      schema: {
        params: idParams,
        body: z.object({ materials: z.array(material).min(1).max(50) }),
        tags: ['representatives'],
      },
      preHandler: requirePermission('verification:work'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      await addMaterials(ctx, request.params.id, request.body.materials, p.name)
      audit(request.ip, p, 'representative.materials', request.params.id, {
        items: request.body.materials.map((m) => m.item),
      })
      return mask(await representativeView(ctx, rs.standards, request.params.id))
    },
  )

  app.post(
    '/api/representatives/:id/review',
    {
      schema: { params: idParams, body: reviewBody, tags: ['representatives'] },
      preHandler: requirePermission('representatives:review'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const view = await reviewRepresentative(
        ctx,
        rs.standards,
        request.params.id,
        request.body,
        p.name,
      )
      audit(request.ip, p, 'representative.review', view.representative_id, {
        status: request.body.status,
      })
      return mask(view)
    },
  )
}
