// The dashboard's figures for a period: contacts and flags by day and channel, the share
// flagged, categories, severities, risks, the identifiers that spoke for the most customers,
// and the month of the period's last day. Raw identifiers: the server masks them.
import type { Context } from '../context.js'
import type { Category, Risk, Severity } from '../contract/index.js'
import { categories, risks, severities } from '../contract/index.js'
import type { IdentifierKind } from '../links/index.js'
import { splitIdentifierKey } from '../links/index.js'
import type { StatsRange, TimeBounds } from './stats-range.js'
import { dayBounds, monthOf, resolveRange } from './stats-range.js'
import type { TallyGroup } from './stats.queries.js'
import { distinctGangs, latestDecisions, tallyGroups, topFanOut } from './stats.queries.js'

export type StatsQuery = {
  /** A date (a UTC day) or an ISO time (its UTC day); 29 days before `to` when not given. */
  from?: string
  /** As `from`, included; the newest contact's day when not given. */
  to?: string
}

export type ChannelDay = { day: string; channel: string; contacts: number; flagged: number }

/** Contacts with no stored assessment yet are 'unassessed'. */
export type RiskTally = { risk: Risk | 'unassessed'; contacts: number }

export type FanOut = {
  identifier: string
  kind: IdentifierKind
  customers: number
  contacts: number
}

export type MonthFigures = {
  month: string
  contacts: number
  flagged: number
  level1: number
  level2: number
  gangs: number
  /** The month's contacts with a review; the latest decision of each is what counts. */
  reviewed: number
  confirmed_agency: number
  genuine: number
}

export type DashboardStats = {
  range: StatsRange
  /** Only days and channels that had contacts, by day then channel. */
  by_channel_day: ChannelDay[]
  /** Flagged (risk medium or high) over all contacts of the range; 0 without contacts. */
  flagged_share: number
  /** Every category in the contract's order; a contact counts once in each category it carries. */
  by_category: { category: Category; contacts: number }[]
  by_severity: { severity: Severity; contacts: number }[]
  by_risk: RiskTally[]
  top_fan_out: FanOut[]
  month: MonthFigures
}

export const TOP_FAN_OUT = 10

/** The queries are independent: on PostgreSQL they run side by side on the pool's connections. */
export async function dashboardStats(
  ctx: Context,
  query: StatsQuery = {},
): Promise<DashboardStats> {
  const range = await resolveRange(ctx, query)
  const bounds = dayBounds(range)
  const { month, bounds: monthBounds } = monthOf(range.to)
  const [groups, fanOut, monthOutside, gangs, decisions] = await Promise.all([
    tallyGroups(ctx, bounds),
    topFanOut(ctx, bounds, TOP_FAN_OUT),
    Promise.all(outsideOf(monthBounds, bounds).map((part) => tallyGroups(ctx, part))),
    distinctGangs(ctx, monthBounds),
    latestDecisions(ctx, monthBounds),
  ])
  const monthGroups = [...groups.filter((g) => g.day.startsWith(month)), ...monthOutside.flat()]
  const total = sum(groups, () => true)
  return {
    range,
    by_channel_day: byChannelDay(groups),
    flagged_share: total ? sum(groups, isFlagged) / total : 0,
    by_category: categories.map((category, i) => ({
      category,
      contacts: groups.reduce((n, g) => n + (g.categories[i] ?? 0), 0),
    })),
    by_severity: severities.map((severity) => ({
      severity,
      contacts: sum(groups, (g) => g.severity === severity),
    })),
    by_risk: [...risks, 'unassessed' as const].map((risk) => ({
      risk,
      contacts: sum(groups, (g) => (g.risk ?? 'unassessed') === risk),
    })),
    top_fan_out: fanOut.map((f) => ({ ...f, kind: splitIdentifierKey(f.identifier).kind })),
    month: {
      month,
      contacts: sum(monthGroups, () => true),
      flagged: sum(monthGroups, isFlagged),
      level1: sum(monthGroups, (g) => g.severity === 'level1'),
      level2: sum(monthGroups, (g) => g.severity === 'level2'),
      gangs,
      reviewed: [...decisions.values()].reduce((n, c) => n + c, 0),
      confirmed_agency: decisions.get('confirmed_agency') ?? 0,
      genuine: decisions.get('genuine') ?? 0,
    },
  }
}

/**
 * The month's days the range does not cover, before and after it: the month is tallied from
 * the range's own groups and these (after the newest contact they are empty and cheap).
 */
function outsideOf(month: TimeBounds, range: TimeBounds): TimeBounds[] {
  const parts: TimeBounds[] = []
  if (month.from < range.from) parts.push({ from: month.from, to: range.from })
  if (range.to < month.to) parts.push({ from: range.to, to: month.to })
  return parts
}

function isFlagged(g: TallyGroup): boolean {
  return g.risk === 'medium' || g.risk === 'high'
}

function sum(groups: TallyGroup[], where: (g: TallyGroup) => boolean): number {
  return groups.reduce((n, g) => (where(g) ? n + g.contacts : n), 0)
}

function byChannelDay(groups: TallyGroup[]): ChannelDay[] {
  const cells = new Map<string, ChannelDay>()
  for (const g of groups) {
    const key = `${g.day}|${g.channel}`
    let cell = cells.get(key)
    if (!cell) cells.set(key, (cell = { day: g.day, channel: g.channel, contacts: 0, flagged: 0 }))
    cell.contacts += g.contacts
    if (isFlagged(g)) cell.flagged += g.contacts
  }
  const order = (a: ChannelDay) => `${a.day}|${a.channel}`
  return [...cells.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1))
}
