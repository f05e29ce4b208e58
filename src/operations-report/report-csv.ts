// The operations report as CSV, one row a month, for the managers' spreadsheets.
import type { MonthFigures } from './month-figures.js'

export const csvColumns: (keyof MonthFigures)[] = [
  'month',
  'opened',
  'pushed',
  'filed',
  'in_preparation',
  'closed',
  'active',
  'joint',
  'victim_reports',
  'warnings',
  'confirmed',
  'confirmed_share',
]

export function reportCsv(rows: MonthFigures[]): string {
  const lines = rows.map((r) =>
    csvColumns.map((c) => (r[c] === null ? '' : String(r[c]))).join(','),
  )
  return [csvColumns.join(','), ...lines].join('\r\n') + '\r\n'
}
