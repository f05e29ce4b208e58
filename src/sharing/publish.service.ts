// Publishes confirmed indicators into the TAXII collection of their distribution: phones, WeChat
// ids and organisation keys as POPRF tokens of this epoch, forged-file hashes as they are. An
// own-institution indicator is never written to any collection; every object is validated first.
import type { Tokeniser } from '../consortium/consortium-client.js'
import type { Context } from '../context.js'
import type { Distribution } from './distribution.js'
import { apiRootOf } from './distribution.js'
import type { IndicatorKind } from './indicator-value.js'
import type { Author, StixObject } from './stix/stix-objects.js'
import { identityObject, indicatorObjects, tokenExtensionDefinition } from './stix/stix-objects.js'
import type { StixValidator } from './stix/stix-validator.js'
import type { Tlp } from './stix/tlp.js'
import { tlpMarking } from './stix/tlp.js'

export type PublishDeps = {
  ctx: Context
  tokeniser: Tokeniser
  validator: StixValidator
  author: Author
  consortium: string
}

export class InvalidStixError extends Error {
  readonly code = 'stix_invalid'
  constructor(readonly problems: unknown) {
    super(`STIX objects did not validate: ${JSON.stringify(problems).slice(0, 500)}`)
  }
}

/**
 * Publishes every confirmation that is neither own-institution, withdrawn nor expired, once per
 * epoch (a token changes with the month; a file hash never does).
 */
export async function publishConfirmed(d: PublishDeps): Promise<{ published: number }> {
  const now = d.ctx.clock.now().toISOString()
  const rows = await d.ctx.db
    .selectFrom('indicator_confirmations')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .where('valid_until', '>', now)
    .where('distribution', '!=', 'own')
    .execute()
  let published = 0
  for (const r of rows) {
    const dist: Distribution =
      r.distribution === 'group'
        ? { scope: 'group', group: r.sharing_group ?? '' }
        : { scope: 'consortium' }
    const root = apiRootOf(dist)
    if (root === null) continue
    const kind = r.kind as IndicatorKind
    if (await alreadyPublished(d, r.confirmation_id, kind)) continue
    const bare = r.identifier.slice(r.identifier.indexOf(':') + 1)
    const value = kind === 'sha256' ? bare : (await d.tokeniser.tokenise(kind, [bare]))[0]
    if (!value) continue
    const objects = indicatorObjects(d.author, {
      kind,
      value,
      epoch: kind === 'sha256' ? null : d.tokeniser.epoch(),
      consortium: d.consortium,
      collection: root,
      tlp: r.tlp as Tlp,
      validFrom: r.confirmed_at,
      validUntil: r.valid_until,
      at: now,
      description: `confirmed (${r.standard_of_proof})`,
    })
    await storeObjects(d, root, [...preamble(d.author, now, r.tlp as Tlp), ...objects], now)
    await d.ctx.db
      .insertInto('published_indicators')
      .values({
        confirmation_id: r.confirmation_id,
        collection_id: collectionIdOf(root),
        object_id: objects[0]?.id ?? '',
        published_at: now,
      })
      .onConflict((oc) => oc.columns(['confirmation_id', 'object_id']).doNothing())
      .execute()
    published++
  }
  return { published }
}

async function alreadyPublished(d: PublishDeps, confirmationId: string, kind: IndicatorKind) {
  let q = d.ctx.db
    .selectFrom('published_indicators')
    .select('object_id')
    .where('confirmation_id', '=', confirmationId)
  // published_at starts with the epoch (YYYY-MM) it was tokenised in.
  if (kind !== 'sha256') q = q.where('published_at', 'like', `${d.tokeniser.epoch()}%`)
  return (await q.executeTakeFirst()) !== undefined
}

function preamble(author: Author, at: string, tlp: Tlp): StixObject[] {
  return [identityObject(author, at), tokenExtensionDefinition(author, at), tlpMarking(tlp)]
}

/** One collection per API root, named after it. */
export function collectionIdOf(apiRoot: string): string {
  return `collection-${apiRoot}`
}

export async function storeObjects(
  d: Pick<PublishDeps, 'ctx' | 'validator'>,
  root: string,
  objects: StixObject[],
  at: string,
) {
  const problems = d.validator.validate(objects)
  if (problems.length) throw new InvalidStixError(problems)
  const rows = objects.map((o) => ({
    collection_id: collectionIdOf(root),
    object_id: o.id,
    version: typeof o.modified === 'string' ? o.modified : at,
    object_type: o.type,
    date_added: at,
    object: JSON.stringify(o),
  }))
  await d.ctx.db
    .insertInto('taxii_objects')
    .values(rows)
    .onConflict((oc) => oc.columns(['collection_id', 'object_id', 'version']).doNothing())
    .execute()
}
