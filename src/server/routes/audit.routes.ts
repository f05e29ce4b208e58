// The audit log for auditors: searchable, newest first, read-only. Searching it is itself audited.
import { z } from 'zod'
import { searchAudit } from '../../audit/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { isoTime, pageLimit } from '../query-params.js'

const auditQuery = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  target: z.string().max(200).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  cursor: z.string().max(40).optional(),
  limit: pageLimit(500),
})

export function auditRoutes(app: Api, deps: ServerDeps): void {
  app.get(
    '/api/audit',
    {
      schema: { querystring: auditQuery, tags: ['audit'] },
      preHandler: requirePermission('audit:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      // Pending events first, so that what was just done is what the auditor sees.
      await deps.audit.flush()
      const result = await searchAudit(deps.ctx, request.query)
      deps.audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'audit.search',
        detail: { ...request.query },
        ip: request.ip,
      })
      return result
    },
  )
}
