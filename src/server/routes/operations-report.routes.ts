// The monthly operations report: figures for the page, CSV and PDF for managers and regulators.
import { z } from 'zod'
import type { OperationsReport } from '../../operations-report/index.js'
import {
  headline,
  monthOf,
  monthlyFigures,
  reportCsv,
  reportPdf,
} from '../../operations-report/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
const rangeQuery = z.object({ from: month.optional(), to: month.optional() })

/** Default: the six months up to the current one. */
function range(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = q.to ?? monthOf(now.toISOString())
  const [y, m] = to.split('-').map(Number) as [number, number]
  const back = new Date(Date.UTC(y, m - 6, 1)).toISOString().slice(0, 7)
  const from = q.from ?? back
  if (from > to)
    throw new HttpProblem('validation', 'from: must not be after to', {
      errors: [{ field: 'from', message: 'after to' }],
    })
  return { from, to }
}

export function operationsReportRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit } = deps
  const schema = { querystring: rangeQuery, tags: ['operations report'] }
  const preHandler = requirePermission('operations:read')

  for (const format of ['json', 'csv', 'pdf'] as const)
    app.get(
      format === 'json' ? '/api/operations-report' : `/api/operations-report.${format}`,
      { schema, preHandler },
      async (request, reply) => {
        const p = principalOrThrow(request)
        const r = range(request.query, ctx.clock.now())
        const months = await monthlyFigures(ctx, r.from, r.to)
        audit.record({
          actor: p.name,
          actor_role: p.role,
          action: `operations_report.${format}`,
          detail: r,
          ip: request.ip,
        })
        const last = months.at(-1)
        if (format === 'json')
          return { ...r, months, headline: last ? headline(last) : null } satisfies OperationsReport
        const name = `grayline-operations-${r.from}-${r.to}.${format}`
        reply.header('content-disposition', `attachment; filename="${name}"`)
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(months))
        return reply.type('application/pdf').send(await reportPdf(months, ctx.clock.now()))
      },
    )
}
