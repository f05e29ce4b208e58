// Months as the lender reports them: calendar months in Beijing time (UTC+8, no daylight saving).
const OFFSET = 8 * 3600_000

export function monthOf(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET).toISOString().slice(0, 7)
}

/** The UTC instant a Beijing month starts, as an ISO string. */
export function monthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1, 1) - OFFSET).toISOString()
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from; m <= to && out.length < 120; m = nextMonth(m)) out.push(m)
  return out
}
