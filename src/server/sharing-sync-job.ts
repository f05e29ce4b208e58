// The sharing round on a running server: on a timer (GRAYLINE_SHARING_SYNC_MINUTES) and on demand
// (POST /api/sharing/sync, admin), one at a time. After each round the matches are reloaded into
// the live detector and the contacts they touch, before or now, are assessed again and stored.
import type { AuditLog } from '../audit/index.js'
import { ConsortiumClient } from '../consortium/index.js'
import type { Context } from '../context.js'
import { saveAssessments } from '../detect/index.js'
import { loadSharedMatches } from '../detect/shared-indicators.js'
import { installationAuthor } from '../sharing/installation-author.js'
import { StixValidator } from '../sharing/stix/stix-validator.js'
import type { SyncReport } from '../taxii/sharing-sync.service.js'
import { syncSharing } from '../taxii/sharing-sync.service.js'
import type { TaxiiRemote } from '../taxii/taxii-client.js'
import type { Api } from './deps.js'
import type { LiveDetector } from './live-detector.js'
import { principalOrThrow, requirePermission } from './principal.js'

export type MemberOptions = {
  /** The consortium service's URL, this member's token there, and the consortium's name. */
  consortiumUrl: string
  consortiumToken: string
  consortium: string
  remotes: TaxiiRemote[]
  syncMinutes?: number
  fetch?: typeof fetch
}

type Base = { ctx: Context; audit: AuditLog; live?: LiveDetector }

export function registerSharingSync(
  app: Api,
  base: Base,
  secret: Uint8Array,
  installation: string,
  m: MemberOptions,
): void {
  const deps = {
    ...base,
    validator: new StixValidator(),
    author: installationAuthor(secret, installation),
    consortium: m.consortium,
    remotes: m.remotes,
    fetch: m.fetch,
    tokeniser: new ConsortiumClient({
      url: m.consortiumUrl,
      token: m.consortiumToken,
      consortium: m.consortium,
      clock: base.ctx.clock,
      fetch: m.fetch,
    }),
  }
  let running: Promise<SyncReport & { reassessed: number }> | null = null
  const round = () => {
    running ??= (async () => {
      const report = await syncSharing(deps)
      return { ...report, reassessed: await reassessMatches(base) }
    })().finally(() => (running = null))
    return running
  }
  app.post(
    '/api/sharing/sync',
    // Managing peers and their tokens is the admin's; so is running a sharing round by hand.
    { schema: { hide: true }, preHandler: requirePermission('tokens:manage') },
    async (request) => {
      principalOrThrow(request)
      return round()
    },
  )
  if (m.syncMinutes) {
    const timer = setInterval(() => {
      round().catch((err: unknown) => app.log.error({ err }, 'sharing sync failed'))
    }, m.syncMinutes * 60_000)
    timer.unref()
    app.addHook('onClose', (_app, done) => {
      clearInterval(timer)
      done()
    })
  }
}

/** Reloads the matches into the live detector and re-assesses the contacts they touch. */
async function reassessMatches(b: Base): Promise<number> {
  const live = b.live
  if (!live) return 0
  return live.exclusive(async () => {
    const d = live.detector
    const touched = await loadSharedMatches(b.ctx, d.index)
    live.announce({ kind: 'shared-matches' })
    const contacts = new Set<number>()
    for (const id of touched) for (const i of d.index.postings.contactsOf(id)) contacts.add(i)
    const assessed = [...contacts].map((i) => d.assess(i))
    await saveAssessments(b.ctx.db, assessed, b.ctx.clock.now().toISOString(), b.ctx.sqlite)
    return assessed.length
  })
}
