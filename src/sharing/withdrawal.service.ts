// Withdrawing a confirmation reaches every receiver: the indicators it was published as get a new
// version with `revoked: true` (STIX 2.1 §3.2), which the next pull of each peer picks up and which
// removes the match there. Expiry needs nothing: every indicator carries its valid_until.
import type { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import type { StixObject } from './stix/stix-objects.js'
import type { StixValidator } from './stix/stix-validator.js'
import { storeObjects } from './publish.service.js'

export class ConfirmationNotFoundError extends Error {
  readonly code = 'not_found'
  constructor(id: string) {
    super(`no confirmation ${id}`)
  }
}

export async function withdrawConfirmation(
  d: { ctx: Context; audit: AuditLog; validator: StixValidator },
  confirmationId: string,
  by: string,
  reason: string,
): Promise<{ revoked: number }> {
  const now = d.ctx.clock.now().toISOString()
  const updated = await d.ctx.db
    .updateTable('indicator_confirmations')
    .set({ withdrawn_at: now })
    .where('confirmation_id', '=', confirmationId)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) throw new ConfirmationNotFoundError(confirmationId)
  const published = await d.ctx.db
    .selectFrom('published_indicators')
    .select(['collection_id', 'object_id'])
    .where('confirmation_id', '=', confirmationId)
    .execute()
  let revoked = 0
  for (const p of published) {
    const latest = await d.ctx.db
      .selectFrom('taxii_objects')
      .select('object')
      .where('collection_id', '=', p.collection_id)
      .where('object_id', '=', p.object_id)
      .orderBy('version', 'desc')
      .executeTakeFirst()
    if (!latest) continue
    const o = JSON.parse(latest.object) as StixObject
    if (o.revoked === true) continue
    const root = p.collection_id.replace(/^collection-/, '')
    await storeObjects(
      d,
      root,
      [{ ...o, modified: laterThan(o.modified, now), revoked: true }],
      now,
    )
    revoked++
  }
  d.audit.record({
    actor: by,
    action: 'sharing.withdraw',
    target_kind: 'indicator_confirmation',
    target_id: confirmationId,
    detail: { reason, revoked },
  })
  return { revoked }
}

/** A new version must be newer than the last, even when both fall in the same millisecond. */
function laterThan(previous: unknown, now: string): string {
  if (typeof previous !== 'string' || previous < now) return now
  return new Date(new Date(previous).getTime() + 1).toISOString()
}
