// The dossier of a case: the PDF, the evidence ZIP (on the chain of custody as exported), and the
// relationship graph as SVG for the case page.
import type { EvidenceStore } from '../../evidence/index.js'
import { buildDossier, caseGraphSvg } from '../../dossier/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { caseParams } from './cases.routes.js'

export function dossierRoutes(app: Api, deps: ServerDeps, files: EvidenceStore): void {
  const { ctx, audit } = deps
  const tags = ['dossier']

  for (const kind of ['pdf', 'zip'] as const)
    app.get(
      `/api/cases/:id/dossier.${kind}`,
      { schema: { params: caseParams, tags }, preHandler: requirePermission('evidence:export') },
      async (request, reply) => {
        const p = principalOrThrow(request)
        const caseId = request.params.id
        const d = await buildDossier(ctx, files, caseId, { zip: kind === 'zip', actor: p.name })
        audit.record({
          actor: p.name,
          actor_role: p.role,
          action: `dossier.${kind}`,
          target_kind: 'case',
          target_id: caseId,
          detail: { evidence: d.facts.evidence.length, customers: d.facts.customers.length },
          ip: request.ip,
        })
        await audit.flush()
        const name = kind === 'pdf' ? `${caseId}-dossier.pdf` : `${caseId}-evidence.zip`
        return reply
          .type(kind === 'pdf' ? 'application/pdf' : 'application/zip')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(kind === 'pdf' ? d.pdf : d.zip)
      },
    )

  app.get(
    '/api/cases/:id/graph.svg',
    { schema: { params: caseParams, tags }, preHandler: requirePermission('cases:read') },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const svg = await caseGraphSvg(ctx, request.params.id)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'case.graph',
        target_kind: 'case',
        target_id: request.params.id,
        ip: request.ip,
      })
      return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg)
    },
  )
}
