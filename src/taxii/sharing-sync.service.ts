// One round of industry collaboration for this installation: publish what was confirmed here and
// the aggregated feedback on it, pull every remote's collections, tokenise this epoch's identifiers,
// match, and report the matches back as sightings. The server runs it periodically; the CLI once.
import type { AuditLog } from '../audit/index.js'
import type { Tokeniser } from '../consortium/consortium-client.js'
import type { Context } from '../context.js'
import { querySharedMatches } from '../detect/shared-indicators.js'
import type { TokeniseReport } from '../sharing/identifier-tokens.service.js'
import { tokeniseContactIdentifiers } from '../sharing/identifier-tokens.service.js'
import { publishJointCases } from '../sharing/joint-case-publish.js'
import { publishConfirmed } from '../sharing/publish.service.js'
import { publishAggregatedSightings } from '../sharing/sighting-aggregate.service.js'
import type { Author } from '../sharing/stix/stix-objects.js'
import type { StixValidator } from '../sharing/stix/stix-validator.js'
import { jointCaseReplies } from './joint-case-intake.js'
import { recordAcceptedSightings, sightingsToReport } from './sighting-report.js'
import type { TaxiiRemote } from './taxii-client.js'
import { TaxiiClient } from './taxii-client.js'
import type { PullReport } from './taxii-pull.service.js'
import { pullRemote } from './taxii-pull.service.js'

export type SharingSyncDeps = {
  ctx: Context
  audit: AuditLog
  validator: StixValidator
  author: Author
  consortium: string
  tokeniser: Tokeniser
  remotes: TaxiiRemote[]
  fetch?: typeof fetch
}

export type SyncReport = {
  published: number
  jointCasesPublished: number
  sightingsPublished: number
  pulls: (PullReport | { remote: string; error: string })[]
  tokens: TokeniseReport
  matchedIdentifiers: number
  /** Sightings, joint-case groupings and notes the remotes accepted. */
  sightingsReported: number
}

export async function syncSharing(d: SharingSyncDeps): Promise<SyncReport> {
  const { published } = await publishConfirmed(d)
  const jointCasesPublished = (await publishJointCases(d)).published
  const sightingsPublished = (await publishAggregatedSightings(d)).published
  const clients = d.remotes.map((r) => new TaxiiClient(r, d.fetch))
  const pulls: SyncReport['pulls'] = []
  for (const c of clients)
    pulls.push(
      await pullRemote(d, c).catch((e: unknown) => ({ remote: c.remote.name, error: message(e) })),
    )
  const tokens = await tokeniseContactIdentifiers(d.ctx, d.tokeniser)
  const matches = await querySharedMatches(d.ctx)
  let sightingsReported = 0
  for (const c of clients) {
    const targets = [
      ...(await sightingsToReport(d.ctx, d.author, c.remote.name, matches)).values(),
      ...(await jointCaseReplies(d.ctx, d.author, c.remote.name)).values(),
    ]
    for (const t of targets) {
      const rootUrl = new URL(`${t.root}/`, c.remote.url).toString()
      const status = await c.addObjects(rootUrl, t.collectionId, t.objects).catch(() => null)
      if (status) await recordAcceptedSightings(d.ctx, c.remote.name, t.objects, status)
      sightingsReported += status?.success_count ?? 0
    }
  }
  const report = {
    published,
    jointCasesPublished,
    sightingsPublished,
    pulls,
    tokens,
    matchedIdentifiers: matches.size,
    sightingsReported,
  }
  d.audit.record({
    actor: 'system:sharing',
    action: 'sharing.sync',
    detail: { ...report, pulls: pulls.length },
  })
  return report
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
