// Feedback to the institutions whose indicators matched here: one sighting per matched indicator,
// `hit`, or `false_positive` when every reviewed contact carrying it was found genuine. The id and
// times are fixed per epoch, so that posting again each sync changes nothing at the publisher.
import type { Context } from '../context.js'
import type { MatchWithSources } from '../detect/shared-indicators.js'
import { namedStixId } from '../sharing/stix/stix-id.js'
import type { Author, StixObject } from '../sharing/stix/stix-objects.js'
import { sightingObject } from '../sharing/stix/stix-objects.js'
import type { Tlp } from '../sharing/stix/tlp.js'
import type { TaxiiStatus } from './taxii-inbound.service.js'

export type SightingsByTarget = Map<
  string,
  { root: string; collectionId: string; objects: StixObject[] }
>

export async function sightingsToReport(
  ctx: Context,
  author: Author,
  remote: string,
  matches: Map<string, MatchWithSources>,
): Promise<SightingsByTarget> {
  const epochStart = `${ctx.clock.now().toISOString().slice(0, 7)}-01T00:00:00.000Z`
  const genuine = await genuineOnly(ctx, [...matches.keys()])
  const out: SightingsByTarget = new Map()
  const seen = new Set<string>()
  for (const [identifier, m] of matches)
    for (const ind of m.indicators) {
      const [from, root, collectionId] = ind.source.split('/')
      if (from !== remote || !root || !collectionId || seen.has(ind.stixId)) continue
      seen.add(ind.stixId)
      const outcome = genuine.has(identifier) ? 'false_positive' : 'hit'
      const sighting = {
        ...sightingObject(author, {
          indicatorId: ind.stixId,
          count: 1,
          at: epochStart,
          tlp: ind.tlp as Tlp,
          outcome,
        }),
        id: namedStixId('sighting', `${author.identityId}|${ind.stixId}|${outcome}`),
      }
      const key = `${root}/${collectionId}`
      const target = out.get(key) ?? { root, collectionId, objects: [] }
      target.objects.push(sighting)
      out.set(key, target)
    }
  return out
}

/** Identifiers all of whose reviewed contacts were last reviewed `genuine`. */
async function genuineOnly(ctx: Context, identifiers: string[]): Promise<Set<string>> {
  const decisions = new Map<string, Set<string>>()
  for (let i = 0; i < identifiers.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('contact_identifiers as ci')
      .innerJoin('contact_reviews as r', 'r.contact_id', 'ci.contact_id')
      .select(['ci.identifier', 'r.contact_id', 'r.decision', 'r.reviewed_at'])
      .where('ci.identifier', 'in', identifiers.slice(i, i + 500))
      .orderBy('r.reviewed_at')
      .execute()
    const latest = new Map<string, { identifier: string; decision: string }>()
    for (const r of rows) latest.set(`${r.identifier}|${r.contact_id}`, r)
    for (const r of latest.values())
      decisions.set(r.identifier, (decisions.get(r.identifier) ?? new Set()).add(r.decision))
  }
  return new Set(
    [...decisions].filter(([, d]) => d.size === 1 && d.has('genuine')).map(([id]) => id),
  )
}

/**
 * Keeps when the publisher accepted each sighting posted to it (the first time), in its own clock:
 * its aggregated counts made from then on include this installation's report.
 */
export async function recordAcceptedSightings(
  ctx: Context,
  remote: string,
  posted: StixObject[],
  status: TaxiiStatus,
): Promise<void> {
  const accepted = new Set(status.successes.map((s) => s.id))
  const rows = posted
    .filter((o) => o.type === 'sighting' && accepted.has(o.id))
    .map((o) => ({
      remote,
      indicator_id: String(o.sighting_of_ref),
      outcome: String(o.description),
      accepted_at: status.request_timestamp,
    }))
  if (!rows.length) return
  await ctx.db
    .insertInto('reported_sightings')
    .values(rows)
    .onConflict((oc) => oc.columns(['remote', 'indicator_id', 'outcome']).doNothing())
    .execute()
}
