// Victim reports: consumers defrauded by an agency, shown with the case they belong to (or the
// cases of the same agency to link them to) and the reply template to send them.
import { z } from 'zod'
import { linkVictimReport, listVictimReports, victimReplyTemplate } from '../../cases/index.js'
import { maskName, maskText } from '../../privacy/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) })
const linkParams = z.object({ id: z.string().min(1).max(128) })
const linkBody = z.object({ case_id: z.string().min(1).max(64) })

export function victimReportRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit } = deps
  const tags = ['victim reports']

  app.get(
    '/api/victim-reports',
    { schema: { querystring: listQuery, tags }, preHandler: requirePermission('cases:read') },
    async (request) => {
      const p = principalOrThrow(request)
      const reports = await listVictimReports(ctx, request.query.limit)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'victim_reports.list',
        detail: { returned: reports.length },
        ip: request.ip,
      })
      return {
        reply_template: victimReplyTemplate(),
        items: reports.map((r) => ({
          contact_id: r.contact_id,
          customer_id: r.customer_id,
          received_at: r.received_at,
          source: r.contact.source ?? null,
          name: r.contact.caller?.name ? maskName(r.contact.caller.name) : null,
          text: maskText(r.contact.text ?? ''),
          agency: (r.contact.participants ?? []).map((a) => ({
            name: a.name ? maskName(a.name) : null,
            organization: a.organization ?? null,
            phone: a.phone ? maskText(a.phone) : null,
          })),
          gang_id: r.gang_id,
          cases: r.cases,
          suggested_cases: r.suggested_cases,
        })),
      }
    },
  )

  app.post(
    '/api/victim-reports/:id/link',
    {
      schema: { params: linkParams, body: linkBody, tags },
      preHandler: requirePermission('cases:write'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      await linkVictimReport(ctx, request.params.id, request.body.case_id, p.name)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'victim_report.link',
        target_kind: 'contact',
        target_id: request.params.id,
        detail: { case_id: request.body.case_id },
        ip: request.ip,
      })
      return { linked: true }
    },
  )
}
