// POST objects: a peer sends sightings, notes and groupings (feedback and joint-case traffic). Each
// object is validated against the STIX schemas and must carry a TLP marking; indicators and
// observables are refused, so that nobody can push values into this institution's collections.
// Accepted objects are kept apart (taxii_inbound) and only ever republished aggregated.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import type { SharingPeer } from '../sharing/sharing-peers.js'
import type { StixObject } from '../sharing/stix/stix-objects.js'
import type { StixValidator } from '../sharing/stix/stix-validator.js'
import { tlpOf } from '../sharing/stix/tlp.js'
import { TaxiiError } from './taxii-media.js'

/** What a peer may post: feedback and case traffic, never an indicator of its own making here. */
export const POSTABLE_TYPES = new Set([
  'sighting',
  'note',
  'grouping',
  'identity',
  'marking-definition',
])

const envelopeSchema = z.object({
  objects: z.array(z.object({ type: z.string(), id: z.string() }).passthrough()).max(1000),
})

type Detail = { id: string; version: string; message?: string }

export type TaxiiStatus = {
  id: string
  status: 'complete' | 'pending'
  request_timestamp: string
  total_count: number
  success_count: number
  successes: Detail[]
  failure_count: number
  failures: Detail[]
  pending_count: number
  pendings: Detail[]
}

export type InboundDeps = { ctx: Context; audit: AuditLog; validator: StixValidator }

export async function receiveObjects(
  d: InboundDeps,
  peer: SharingPeer,
  root: string,
  body: unknown,
): Promise<TaxiiStatus> {
  const parsed = envelopeSchema.safeParse(body)
  if (!parsed.success)
    throw new TaxiiError(400, 'Bad request', 'the body is not a TAXII envelope with objects')
  const now = d.ctx.clock.now().toISOString()
  const successes: Detail[] = []
  const failures: Detail[] = []
  for (const o of parsed.data.objects as StixObject[]) {
    const version = versionOf(o, now)
    const refusal = refusalOf(d.validator, o)
    if (refusal) {
      failures.push({ id: o.id, version, message: refusal })
      continue
    }
    await d.ctx.db
      .insertInto('taxii_inbound')
      .values({
        peer_id: peer.peerId,
        api_root: root,
        object_id: o.id,
        version,
        object_type: o.type,
        object: JSON.stringify(o),
        received_at: now,
      })
      .onConflict((oc) => oc.columns(['peer_id', 'object_id', 'version']).doNothing())
      .execute()
    successes.push({ id: o.id, version })
  }
  const status = statusOf(now, successes, failures)
  await saveStatus(d.ctx, peer, root, status)
  d.audit.record({
    actor: `peer:${peer.peerId}`,
    action: 'taxii.objects.add',
    target_kind: 'taxii_api_root',
    target_id: root,
    detail: { accepted: successes.length, refused: failures.length },
  })
  return status
}

function refusalOf(validator: StixValidator, o: StixObject): string | null {
  if (!POSTABLE_TYPES.has(o.type)) return `a peer may not post ${o.type} objects`
  const problems = validator.validate([o])
  if (problems.length) return `not valid STIX 2.1: ${problems[0]?.errors.slice(0, 3).join('; ')}`
  if (o.type !== 'marking-definition' && tlpOf(o.object_marking_refs as string[]) === null)
    return 'no TLP 2.0 marking'
  return null
}

function versionOf(o: StixObject, now: string): string {
  const v =
    typeof o.modified === 'string' ? o.modified : typeof o.created === 'string' ? o.created : now
  const t = new Date(v)
  return Number.isNaN(t.getTime()) ? now : t.toISOString()
}

function statusOf(now: string, successes: Detail[], failures: Detail[]): TaxiiStatus {
  return {
    id: randomUUID(),
    status: 'complete',
    request_timestamp: now,
    total_count: successes.length + failures.length,
    success_count: successes.length,
    successes,
    failure_count: failures.length,
    failures,
    pending_count: 0,
    pendings: [],
  }
}

async function saveStatus(ctx: Context, peer: SharingPeer, root: string, s: TaxiiStatus) {
  await ctx.db
    .insertInto('taxii_status')
    .values({
      status_id: s.id,
      api_root: root,
      peer_id: peer.peerId,
      status: s.status,
      request_timestamp: s.request_timestamp,
      body: JSON.stringify(s),
    })
    .execute()
}

/** A status resource, only to the peer that made the request. */
export async function statusFor(
  ctx: Context,
  peer: SharingPeer,
  root: string,
  id: string,
): Promise<TaxiiStatus> {
  const row = await ctx.db
    .selectFrom('taxii_status')
    .select('body')
    .where('status_id', '=', id)
    .where('api_root', '=', root)
    .where('peer_id', '=', peer.peerId)
    .executeTakeFirst()
  if (!row) throw new TaxiiError(404, 'Not found', `no status ${id}`)
  return JSON.parse(row.body) as TaxiiStatus
}
