// Sightings flow back aggregated: what peers posted about this institution's indicators (a hit, a
// false positive) is counted per indicator and outcome, by distinct institution, and republished
// as one sighting by this institution — "seen at 3 other institutions", never which ones.
import type { Context } from '../context.js'
import { namedStixId } from './stix/stix-id.js'
import type { Author } from './stix/stix-objects.js'
import { sightingObject } from './stix/stix-objects.js'
import type { StixValidator } from './stix/stix-validator.js'
import type { Tlp } from './stix/tlp.js'
import { tlpOf } from './stix/tlp.js'
import { storeObjects } from './publish.service.js'

export const sightingOutcomes = ['hit', 'false_positive'] as const
export type SightingOutcome = (typeof sightingOutcomes)[number]

type Tally = { root: string; indicatorId: string; outcome: SightingOutcome; peers: Set<string> }

export async function publishAggregatedSightings(d: {
  ctx: Context
  validator: StixValidator
  author: Author
}): Promise<{ published: number }> {
  const tallies = await tallyInbound(d.ctx)
  const now = d.ctx.clock.now().toISOString()
  let published = 0
  for (const t of tallies.values()) {
    const indicator = await latestOwn(d.ctx, `collection-${t.root}`, t.indicatorId)
    if (!indicator) continue
    const id = namedStixId('sighting', `${t.indicatorId}|${t.outcome}`)
    const previous = await latestOwn(d.ctx, `collection-${t.root}`, id)
    if (previous?.count === t.peers.size) continue
    const tlp: Tlp = tlpOf(indicator.object_marking_refs as string[]) ?? 'amber'
    const sighting = {
      ...sightingObject(d.author, {
        indicatorId: t.indicatorId,
        count: t.peers.size,
        at: now,
        tlp,
        outcome: t.outcome,
      }),
      id,
    }
    await storeObjects(d, t.root, [sighting], now)
    published++
  }
  return { published }
}

async function tallyInbound(ctx: Context): Promise<Map<string, Tally>> {
  const rows = await ctx.db
    .selectFrom('taxii_inbound')
    .select(['peer_id', 'api_root', 'object'])
    .where('object_type', '=', 'sighting')
    .execute()
  const tallies = new Map<string, Tally>()
  for (const r of rows) {
    const o = JSON.parse(r.object) as { sighting_of_ref?: string; description?: string }
    const outcome = (sightingOutcomes as readonly string[]).includes(o.description ?? '')
      ? (o.description as SightingOutcome)
      : null
    if (!o.sighting_of_ref || !outcome) continue
    const key = `${r.api_root}|${o.sighting_of_ref}|${outcome}`
    const t = tallies.get(key) ?? {
      root: r.api_root,
      indicatorId: o.sighting_of_ref,
      outcome,
      peers: new Set<string>(),
    }
    t.peers.add(r.peer_id)
    tallies.set(key, t)
  }
  return tallies
}

async function latestOwn(ctx: Context, collectionId: string, objectId: string) {
  const row = await ctx.db
    .selectFrom('taxii_objects')
    .select('object')
    .where('collection_id', '=', collectionId)
    .where('object_id', '=', objectId)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  return row ? (JSON.parse(row.object) as Record<string, unknown>) : null
}
