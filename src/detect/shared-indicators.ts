// Indicators other institutions shared, matched to this installation's identifiers (beside the
// detection index, like voice findings): tokens through identifier_tokens of the current epoch,
// file hashes as they are. Revoked and expired indicators match nothing.
import type { Context } from '../context.js'
import type { DetectionIndex } from './detection-index.js'

const TLP_ORDER = ['clear', 'green', 'amber', 'amber+strict', 'red']

export type SharedMatch = {
  identifier: string
  indicatorIds: string[]
  /** Other institutions that published it or (aggregated) reported a hit on it. */
  seenAt: number
  falsePositives: number
  /** The strictest TLP among the matching indicators. */
  tlp: string
}

/** With where each matching indicator came from (`<remote>/<api root>/<collection>`). */
export type MatchWithSources = SharedMatch & {
  indicators: { stixId: string; source: string; tlp: string }[]
}

const byIndex = new WeakMap<DetectionIndex, Map<string, SharedMatch>>()

export function sharedMatchesOf(index: DetectionIndex): Map<string, SharedMatch> {
  let m = byIndex.get(index)
  if (!m) byIndex.set(index, (m = new Map<string, SharedMatch>()))
  return m
}

type Row = { identifier: string; stix_id: string; tlp: string; source: string }

/** Reloads the matches; returns every identifier that matched before or matches now. */
export async function loadSharedMatches(ctx: Context, index: DetectionIndex): Promise<Set<string>> {
  const matches = sharedMatchesOf(index)
  const touched = new Set(matches.keys())
  matches.clear()
  for (const [identifier, m] of await querySharedMatches(ctx)) {
    matches.set(identifier, m)
    touched.add(identifier)
  }
  return touched
}

/** This installation's identifiers that match a live shared indicator, by identifier. */
export async function querySharedMatches(ctx: Context): Promise<Map<string, MatchWithSources>> {
  const now = ctx.clock.now().toISOString()
  const epoch = now.slice(0, 7)
  const live = ctx.db
    .selectFrom('shared_indicators as si')
    .where('si.revoked', '=', 0)
    .where('si.valid_until', '>', now)
  const tokens = await live
    .innerJoin('identifier_tokens as it', 'it.token', 'si.value')
    .where('it.epoch', '=', epoch)
    .select(['it.identifier', 'si.stix_id', 'si.tlp', 'si.source'])
    .execute()
  const hashes = await live
    .innerJoin('identifiers as i', 'i.identifier', 'si.value')
    .where('si.kind', '=', 'sha256')
    .select(['i.identifier', 'si.stix_id', 'si.tlp', 'si.source'])
    .execute()
  const rows: Row[] = [...tokens, ...hashes]
  const sightings = await sightingsOf(ctx, [...new Set(rows.map((r) => r.stix_id))])
  const out = new Map<string, MatchWithSources>()
  for (const [identifier, group] of groupBy(rows, (r) => r.identifier))
    out.set(identifier, {
      ...matchOf(identifier, group, sightings),
      indicators: group.map((r) => ({ stixId: r.stix_id, source: r.source, tlp: r.tlp })),
    })
  return out
}

function matchOf(
  identifier: string,
  rows: Row[],
  sightings: Map<string, { hit: number; fp: number }>,
): SharedMatch {
  const publishers = new Set(rows.map((r) => r.source.split('/')[0]))
  const ids = [...new Set(rows.map((r) => r.stix_id))]
  const hitsElsewhere = Math.max(0, ...ids.map((id) => sightings.get(id)?.hit ?? 0))
  return {
    identifier,
    indicatorIds: ids,
    seenAt: publishers.size + hitsElsewhere,
    falsePositives: Math.max(0, ...ids.map((id) => sightings.get(id)?.fp ?? 0)),
    tlp: rows
      .map((r) => r.tlp)
      .reduce((a, b) => (TLP_ORDER.indexOf(b) > TLP_ORDER.indexOf(a) ? b : a)),
  }
}

/** Per indicator: institutions other than this one that reported a hit; all that reported it a false positive. */
async function sightingsOf(ctx: Context, indicatorIds: string[]) {
  const out = new Map<string, { hit: number; fp: number }>()
  for (let i = 0; i < indicatorIds.length; i += 500) {
    const chunk = indicatorIds.slice(i, i + 500)
    const rows = await ctx.db
      .selectFrom('shared_sightings')
      .select(['indicator_id', 'outcome', 'count', 'source', 'seen_at'])
      .where('indicator_id', 'in', chunk)
      .execute()
    const reported = await ctx.db
      .selectFrom('reported_sightings')
      .select(['remote', 'indicator_id', 'outcome', 'accepted_at'])
      .where('indicator_id', 'in', chunk)
      .execute()
    for (const r of rows) {
      // The publisher's count includes this institution only if its report reached the publisher
      // before the count was made (both times in the publisher's clock); until then it is all others.
      const own = reported.some(
        (o) =>
          o.indicator_id === r.indicator_id &&
          o.outcome === r.outcome &&
          r.source.startsWith(`${o.remote}/`) &&
          o.accepted_at <= r.seen_at,
      )
      const s = out.get(r.indicator_id) ?? { hit: 0, fp: 0 }
      if (r.outcome === 'hit') s.hit = Math.max(s.hit, r.count - (own ? 1 : 0))
      if (r.outcome === 'false_positive') s.fp = Math.max(s.fp, r.count)
      out.set(r.indicator_id, s)
    }
  }
  return out
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it])
  return m
}
