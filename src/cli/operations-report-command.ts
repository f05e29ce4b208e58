// `grayline operations-report [--from YYYY-MM] [--to YYYY-MM] [--format csv|pdf|json] [--out FILE]`.
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { monthOf, monthlyFigures, reportCsv, reportPdf } from '../operations-report/index.js'
import { withContext } from './open-context.js'

export function registerOperationsReport(program: Command): void {
  program
    .command('operations-report')
    .description(
      'the monthly operations report: cases by state, joint cases, victim reports, warnings and the confirmed share',
    )
    .option('--from <month>', 'first month, YYYY-MM (default: six months back)')
    .option('--to <month>', 'last month, YYYY-MM (default: this month)')
    .option('--format <format>', 'csv, pdf or json', 'csv')
    .option('--out <file>', 'write to a file instead of stdout (required for pdf)')
    .option('--db <path>', 'SQLite file to use')
    .action(
      async (o: { from?: string; to?: string; format: string; out?: string; db?: string }) => {
        const to = o.to ?? monthOf(new Date().toISOString())
        const [y, m] = to.split('-').map(Number) as [number, number]
        const from = o.from ?? new Date(Date.UTC(y, m - 6, 1)).toISOString().slice(0, 7)
        if (o.format === 'pdf' && !o.out) {
          process.exitCode = 2
          return console.error('a PDF needs --out FILE')
        }
        const months = await withContext(o.db, (ctx) => monthlyFigures(ctx, from, to))
        const body =
          o.format === 'pdf'
            ? await reportPdf(months, new Date())
            : o.format === 'json'
              ? JSON.stringify(months, null, 2) + '\n'
              : reportCsv(months)
        if (o.out) writeFileSync(o.out, body)
        else process.stdout.write(body)
      },
    )
}
