// The dashboard's period: whole UTC days, both ends included. Without one it is the 30 days that
// end with the newest contact — simulated or imported history is in the past, and "the last 30
// days" of the wall clock would show an empty dashboard.
import type { Context } from '../context.js'
import { parseInterchangeTime } from '../contract/index.js'

export type StatsRange = { from: string; to: string }

/** Stored received_at bounds: from inclusive, to exclusive. */
export type TimeBounds = { from: string; to: string }

export const DEFAULT_DAYS = 30
const DAY_MS = 86_400_000
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/

export class StatsError extends Error {
  readonly code = 'validation'
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`)
    this.name = 'StatsError'
  }
}

export async function resolveRange(
  ctx: Context,
  asked: { from?: string; to?: string },
): Promise<StatsRange> {
  const to = asked.to ? utcDay('to', asked.to) : await newestDay(ctx)
  const from = asked.from ? utcDay('from', asked.from) : addDays(to, 1 - DEFAULT_DAYS)
  if (from > to) throw new StatsError('from', `${from} is after ${to}`)
  return { from, to }
}

export function dayBounds(range: StatsRange): TimeBounds {
  return { from: `${range.from}T00:00:00.000Z`, to: `${addDays(range.to, 1)}T00:00:00.000Z` }
}

/** The calendar month (UTC) a day falls in, as 'YYYY-MM' and its bounds. */
export function monthOf(day: string): { month: string; bounds: TimeBounds } {
  const month = day.slice(0, 7)
  const start = new Date(`${month}-01T00:00:00.000Z`)
  const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
  return { month, bounds: { from: start.toISOString(), to: next.toISOString() } }
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** A plain date is that UTC day; a time is the UTC day it falls in. */
function utcDay(field: string, value: string): string {
  const text = value.trim()
  if (PLAIN_DAY.test(text)) {
    const t = Date.parse(`${text}T00:00:00.000Z`)
    if (Number.isFinite(t) && new Date(t).toISOString().startsWith(text)) return text
  } else {
    const t = parseInterchangeTime(text)
    if (Number.isFinite(t)) return new Date(t).toISOString().slice(0, 10)
  }
  throw new StatsError(field, 'expected a date (2026-03-31) or an ISO 8601 time')
}

async function newestDay(ctx: Context): Promise<string> {
  const row = await ctx.db
    .selectFrom('contacts')
    .select((eb) => eb.fn.max('received_at').as('newest'))
    .executeTakeFirst()
  return (row?.newest ?? ctx.clock.now().toISOString()).slice(0, 10)
}
