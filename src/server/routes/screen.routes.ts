// POST /api/screen: the call centre's CTI asks as a call rings, and gets risk, reasons and the
// script in one round trip, answered from the in-memory detector alone.
import { z } from 'zod'
import { interchangeTime } from '../../contract/time.js'
import { screen } from '../../detect/index.js'
import { maskIdentifier } from '../../privacy/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { screenAnswerJson } from '../screen-present.js'
import type { RiskLookup } from '../stored-risks.js'

const screenBody = z.object({
  phone: z.string().trim().min(1, { message: 'must not be empty' }).max(64),
  customer_id: z.string().trim().min(1).max(128).optional(),
  at: interchangeTime.optional(),
})

export function screenRoutes(app: Api, deps: ServerDeps): void {
  app.post(
    '/api/screen',
    { schema: { body: screenBody, tags: ['screening'] }, preHandler: requirePermission('screen') },
    // Not async: with the risks in memory (nearly every call) the answer is sent with no promise.
    (request, reply) => {
      const p = principalOrThrow(request)
      const { phone, customer_id, at } = request.body
      const r = screen(deps.live.detector, {
        phone,
        customerId: customer_id,
        at: at ? new Date(at) : undefined,
      })
      deps.audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'screen',
        target_kind: 'customer',
        target_id: r.customer_id,
        detail: { phone: r.phone ? maskIdentifier(r.phone) : null, risk: r.risk },
        ip: request.ip,
      })
      const script = deps.scripts.currentOrFallback(r.recommended_script)
      reply.type('application/json; charset=utf-8')
      const ids = r.recent_contacts.map((c) => c.contact_id)
      const known = deps.risks?.knows(ids) ? deps.risks : null
      if (known) return screenAnswerJson(r, script, known, deps.present)
      return riskOf(deps, ids).then((risks) => screenAnswerJson(r, script, risks, deps.present))
    },
  )
}

/** On SQLite read for contacts assessed since start; elsewhere from the store. */
async function riskOf(deps: ServerDeps, ids: string[]): Promise<RiskLookup> {
  if (deps.risks) return deps.risks.read(ids)
  if (!ids.length) return new Map()
  const rows = await deps.ctx.db
    .selectFrom('assessments')
    .select(['contact_id', 'risk'])
    .where('contact_id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.contact_id, r.risk]))
}
