// The dashboard's figures, computed by grouped queries in the store.
import { z } from 'zod'
import { maskIdentifier } from '../../privacy/index.js'
import { dashboardStats } from '../../reporting/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'

// Days or times as the user gave them: the stats module reads a date as that whole UTC day.
const statsQuery = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
})

export function statsRoutes(app: Api, deps: ServerDeps): void {
  app.get(
    '/api/stats',
    {
      schema: { querystring: statsQuery, tags: ['dashboard'] },
      preHandler: requirePermission('stats:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const stats = await dashboardStats(deps.ctx, request.query)
      deps.audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'stats.read',
        detail: { ...request.query },
        ip: request.ip,
      })
      return {
        ...stats,
        top_fan_out: stats.top_fan_out.map((t) => ({
          ...t,
          identifier: maskIdentifier(t.identifier),
          ref: deps.refs.ref(t.identifier),
        })),
      }
    },
  )
}
