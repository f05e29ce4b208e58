// Gangs (团伙): the list with server-side paging, a gang's summary, its graph, the neighbourhood
// of one identifier, and selected nodes into a case. Identifiers travel as opaque refs; every read
// is audited.
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { edgeKinds, gangSorts, findGang, listGangs, selectionIntoCase } from '../../gangs/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { expandNode, gangGraph } from '../gang-graph-view.js'
import { presentGang, presentGangRow } from '../gang-present.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'
import { csvOf } from '../query-params.js'

const gangParams = z.object({ id: z.string().min(1).max(64) })
const listQuery = z.object({
  sort: z.enum(gangSorts).default('size'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
const kindsQuery = z.object({ kinds: csvOf(edgeKinds) })
const expandQuery = kindsQuery.extend({ ref: z.string().min(4).max(2000) })
const selectionBody = z.object({
  nodes: z.array(z.string().min(4).max(2000)).min(1).max(5000),
  case_id: z.string().min(1).max(64).optional(),
  title: z.string().trim().max(200).optional(),
})

export function gangRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit, refs, present } = deps
  const read = { preHandler: requirePermission('gangs:read') }
  const write = { preHandler: requirePermission('cases:write') }
  const tags = ['gangs']
  const view = { ctx, refs, present }
  const key = (ref: string, field: string) => {
    const k = refs.resolve(ref)
    if (!k)
      throw new HttpProblem('validation', `${field}: not a ref this installation made`, {
        errors: [{ field, message: 'unknown ref' }],
      })
    return k
  }
  const seen = (
    request: FastifyRequest,
    action: string,
    target?: string,
    detail?: Record<string, unknown>,
  ) => {
    const p = principalOrThrow(request)
    audit.record({
      actor: p.name,
      actor_role: p.role,
      action,
      target_kind: target ? 'gang' : undefined,
      target_id: target,
      detail,
      ip: request.ip,
    })
  }

  app.get('/api/gangs', { schema: { querystring: listQuery, tags }, ...read }, async (request) => {
    const page = await listGangs(ctx.db, request.query)
    seen(request, 'gangs.list', undefined, { ...request.query, returned: page.items.length })
    return { items: page.items.map((g) => presentGangRow(g, present)), total: page.total }
  })

  app.get('/api/gangs/:id', { schema: { params: gangParams, tags }, ...read }, async (request) => {
    const gang = await findGang(ctx.db, request.params.id)
    if (!gang) throw new HttpProblem('not-found', `no gang ${request.params.id}`)
    seen(request, 'gang.read', gang.gang_id)
    return presentGang(gang, present)
  })

  app.get(
    '/api/gangs/:id/graph',
    { schema: { params: gangParams, querystring: kindsQuery, tags }, ...read },
    async (request) => {
      const graph = await gangGraph(view, request.params.id, request.query.kinds)
      if (!graph) throw new HttpProblem('not-found', `no gang ${request.params.id}`)
      seen(request, 'gang.graph', request.params.id, {
        nodes: graph.nodes.length,
        kinds: request.query.kinds ?? null,
      })
      return graph
    },
  )

  app.get(
    '/api/gang-graph/expand',
    { schema: { querystring: expandQuery, tags }, ...read },
    async (request) => {
      const graph = await expandNode(view, key(request.query.ref, 'ref'), request.query.kinds)
      seen(request, 'gang.expand', undefined, { ref: 'ref', nodes: graph.nodes.length })
      return graph
    },
  )

  app.post(
    '/api/gangs/:id/case',
    { schema: { params: gangParams, body: selectionBody, tags }, ...write },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const b = request.body
      const nodes = b.nodes.map((r, i) => key(r, `nodes.${i}`))
      const r = await selectionIntoCase(
        ctx,
        { gangId: request.params.id, nodes, caseId: b.case_id, title: b.title },
        p.name,
      )
      seen(request, 'gang.case', request.params.id, {
        case_id: r.case_id,
        opened: r.opened,
        nodes: nodes.length,
        ...r.added,
      })
      return reply.code(r.opened ? 201 : 200).send(r)
    },
  )
}
