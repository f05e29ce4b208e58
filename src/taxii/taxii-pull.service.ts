// Pulls every readable collection of a remote installation: pages with next, starting after the
// last X-TAXII-Date-Added-Last remembered per remote, API root and collection, so that each pull
// fetches only what was added since (new versions included: a revocation is a new version).
import type { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import type { StixValidator } from '../sharing/stix/stix-validator.js'
import type { IngestReport } from './pulled-objects.js'
import { ingestObjects } from './pulled-objects.js'
import type { TaxiiClient } from './taxii-client.js'
import { rootNameOf } from './taxii-client.js'

export const PULL_PAGE = 500

export type PullReport = IngestReport & { remote: string; collections: number; objects: number }

export async function pullRemote(
  d: { ctx: Context; validator: StixValidator; audit: AuditLog },
  client: TaxiiClient,
): Promise<PullReport> {
  const remote = client.remote.name
  const report: PullReport = {
    remote,
    collections: 0,
    objects: 0,
    indicators: 0,
    revoked: 0,
    sightings: 0,
    refused: 0,
  }
  for (const rootUrl of await client.apiRoots()) {
    const root = rootNameOf(rootUrl)
    for (const c of await client.collections(rootUrl)) {
      if (!c.can_read) continue
      report.collections++
      await pullCollection(d, client, { rootUrl, root, collectionId: c.id }, report)
    }
  }
  d.audit.record({
    actor: 'system:sharing',
    action: 'taxii.pull',
    target_kind: 'taxii_remote',
    target_id: remote,
    detail: { ...report },
  })
  return report
}

type Target = { rootUrl: string; root: string; collectionId: string }

async function pullCollection(
  d: { ctx: Context; validator: StixValidator },
  client: TaxiiClient,
  t: Target,
  report: PullReport,
): Promise<void> {
  const remote = client.remote.name
  const cursor = await d.ctx.db
    .selectFrom('taxii_pull_cursors')
    .select('added_after')
    .where('remote', '=', remote)
    .where('api_root', '=', t.root)
    .where('collection_id', '=', t.collectionId)
    .executeTakeFirst()
  const from = {
    source: `${remote}/${t.root}/${t.collectionId}`,
    scope:
      t.root === 'consortium'
        ? 'consortium'
        : t.root.startsWith('group-')
          ? `group:${t.root.slice(6)}`
          : t.root,
    at: d.ctx.clock.now().toISOString(),
  }
  let addedLast = cursor?.added_after
  let addedAfter = cursor?.added_after
  let next: string | undefined
  for (;;) {
    const page = await client.objects(t.rootUrl, t.collectionId, {
      addedAfter,
      next,
      limit: PULL_PAGE,
    })
    const r = await ingestObjects(d.ctx, d.validator, page.objects, from)
    report.objects += page.objects.length
    report.indicators += r.indicators
    report.revoked += r.revoked
    report.sightings += r.sightings
    report.refused += r.refused
    if (page.dateAddedLast && (!addedLast || page.dateAddedLast > addedLast))
      addedLast = page.dateAddedLast
    if (!page.more || !page.objects.length) break
    // TAXII 2.1 §3.4: follow next with the same query; without next, go on from the page's last date.
    if (page.next) next = page.next
    else [next, addedAfter] = [undefined, page.dateAddedLast]
  }
  if (addedLast && addedLast !== cursor?.added_after) await saveCursor(d.ctx, remote, t, addedLast)
}

async function saveCursor(ctx: Context, remote: string, t: Target, addedAfter: string) {
  const pulled_at = ctx.clock.now().toISOString()
  await ctx.db
    .insertInto('taxii_pull_cursors')
    .values({
      remote,
      api_root: t.root,
      collection_id: t.collectionId,
      added_after: addedAfter,
      pulled_at,
    })
    .onConflict((oc) =>
      oc
        .columns(['remote', 'api_root', 'collection_id'])
        .doUpdateSet({ added_after: addedAfter, pulled_at }),
    )
    .execute()
}
