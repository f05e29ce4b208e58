// What a pulled page becomes here: indicators (tokens or file hashes) as shared_indicators with the
// scope of the root they came from, a publisher's aggregated sightings as shared_sightings. Objects
// that do not validate or carry no TLP marking are refused; revoked versions stay, marked revoked.
// Groupings and notes in a root for this institution alone are joint cases.
import type { Context } from '../context.js'
import type { StixObject } from '../sharing/stix/stix-objects.js'
import { indicatorValueOf, TOKEN_OBSERVABLE } from '../sharing/stix/stix-objects.js'
import type { StixValidator } from '../sharing/stix/stix-validator.js'
import { tlpOf } from '../sharing/stix/tlp.js'
import { takeInGrouping, takeInNote } from './joint-case-intake.js'

export type IngestReport = {
  indicators: number
  revoked: number
  sightings: number
  refused: number
}

export type PulledFrom = { source: string; scope: string; at: string }

export async function ingestObjects(
  ctx: Context,
  validator: StixValidator,
  objects: StixObject[],
  from: PulledFrom,
): Promise<IngestReport> {
  const report: IngestReport = { indicators: 0, revoked: 0, sightings: 0, refused: 0 }
  const invalid = new Set(validator.validate(objects).map((p) => p.id))
  const epochOfToken = new Map(
    objects.filter((o) => o.type === TOKEN_OBSERVABLE).map((o) => [o.value, o.epoch] as const),
  )
  for (const o of objects) {
    const tlp = tlpOf(o.object_marking_refs as string[] | undefined)
    if (o.type === 'marking-definition') continue
    if (invalid.has(o.id) || tlp === null) {
      report.refused++
      continue
    }
    if (o.type === 'indicator') {
      const stored = await storeIndicator(ctx, o, tlp, from, epochOfToken)
      if (stored === 'revoked') report.revoked++
      else if (stored) report.indicators++
    } else if (o.type === 'sighting' && (await storeSighting(ctx, o, from))) report.sightings++
    else if (jointRoot(from) && o.type === 'grouping') await takeInGrouping(ctx, from, o)
    else if (jointRoot(from) && o.type === 'note') await takeInNote(ctx, from, o)
  }
  return report
}

/** A remote's root for this institution alone carries joint cases. */
function jointRoot(from: PulledFrom): boolean {
  return from.source.split('/')[1]?.startsWith('peer-') ?? false
}

async function storeIndicator(
  ctx: Context,
  o: StixObject,
  tlp: string,
  from: PulledFrom,
  epochOfToken: Map<unknown, unknown>,
): Promise<'revoked' | boolean> {
  const v = indicatorValueOf(String(o.pattern))
  if (!v) return false
  const label = ((o.labels as string[] | undefined) ?? []).find((l) => l.startsWith('grayline:'))
  const epoch = epochOfToken.get(v.value)
  const row = {
    value: v.value,
    kind: v.kind === 'sha256' ? 'sha256' : (label?.slice('grayline:'.length) ?? 'token'),
    epoch: typeof epoch === 'string' ? epoch : null,
    tlp,
    source: from.source,
    scope: from.scope,
    valid_until:
      typeof o.valid_until === 'string'
        ? new Date(o.valid_until).toISOString()
        : '9999-12-31T00:00:00.000Z',
    revoked: o.revoked === true ? 1 : 0,
    pulled_at: from.at,
  }
  await ctx.db
    .insertInto('shared_indicators')
    .values({ stix_id: o.id, ...row })
    .onConflict((oc) => oc.column('stix_id').doUpdateSet(row))
    .execute()
  return row.revoked ? 'revoked' : true
}

async function storeSighting(ctx: Context, o: StixObject, from: PulledFrom): Promise<boolean> {
  if (typeof o.sighting_of_ref !== 'string' || typeof o.description !== 'string') return false
  const row = {
    indicator_id: o.sighting_of_ref,
    outcome: o.description,
    count: typeof o.count === 'number' ? o.count : 1,
    source: from.source,
    seen_at: typeof o.modified === 'string' ? o.modified : from.at,
  }
  await ctx.db
    .insertInto('shared_sightings')
    .values({ sighting_id: o.id, ...row })
    .onConflict((oc) => oc.column('sighting_id').doUpdateSet(row))
    .execute()
  return true
}
