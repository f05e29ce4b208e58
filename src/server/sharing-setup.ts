// Indicator sharing on this installation's server: the consortium service when it runs in
// consortium mode, the TAXII 2.1 server every installation offers its peers, and — for a member
// with a consortium token — the sharing round (publish, pull, tokenise, match, report back).
import type { AuditLog } from '../audit/index.js'
import { ConsortiumKeys, RequestRateLimiter } from '../consortium/index.js'
import type { Context } from '../context.js'
import { StixValidator } from '../sharing/stix/stix-validator.js'
import { taxiiRemotesFromEnv } from '../taxii/taxii-client.js'
import type { Api } from './deps.js'
import type { LiveDetector } from './live-detector.js'
import type { IdentifierRefs } from './identifier-ref.js'
import { consortiumRoutes } from './routes/consortium.routes.js'
import { sharingRoutes } from './routes/sharing.routes.js'
import { taxiiRoutes } from './routes/taxii.routes.js'
import type { MemberOptions } from './sharing-sync-job.js'
import { registerSharingSync } from './sharing-sync-job.js'

export type SharingOptions = {
  /** Consortium mode: the consortium's name (the first part of every token's public input). */
  consortium?: string
  /** Evaluation requests a member may make per minute (burst limit; the daily quota is per peer). */
  requestsPerMinute?: number
  /** This installation's name as peers see it (the TAXII discovery title, its STIX identity). */
  installation?: string
  /** A consortium member: where to tokenise, whom to pull from, how often. */
  member?: MemberOptions
}

export function sharingOptionsFromEnv(env = process.env): SharingOptions {
  return {
    consortium: env.GRAYLINE_CONSORTIUM_SERVICE || undefined,
    requestsPerMinute: env.GRAYLINE_CONSORTIUM_RPM
      ? Number(env.GRAYLINE_CONSORTIUM_RPM)
      : undefined,
    installation: env.GRAYLINE_INSTALLATION_NAME || undefined,
    member: memberOptionsFromEnv(env),
  }
}

/** GRAYLINE_CONSORTIUM_URL, _TOKEN and GRAYLINE_CONSORTIUM (its name) make this a member. */
export function memberOptionsFromEnv(env = process.env): MemberOptions | undefined {
  const { GRAYLINE_CONSORTIUM_URL: url, GRAYLINE_CONSORTIUM_TOKEN: token } = env
  const consortium = env.GRAYLINE_CONSORTIUM
  if (!url || !token || !consortium) return undefined
  return {
    consortiumUrl: url,
    consortiumToken: token,
    consortium,
    remotes: taxiiRemotesFromEnv(env),
    syncMinutes: env.GRAYLINE_SHARING_SYNC_MINUTES
      ? Number(env.GRAYLINE_SHARING_SYNC_MINUTES)
      : undefined,
  }
}

export function registerSharing(
  app: Api,
  base: { ctx: Context; audit: AuditLog; live?: LiveDetector; refs?: IdentifierRefs },
  secret: Uint8Array,
  o: SharingOptions = sharingOptionsFromEnv(),
): void {
  if (o.consortium)
    consortiumRoutes(app, {
      ...base,
      keys: new ConsortiumKeys(secret),
      limiter: new RequestRateLimiter(o.requestsPerMinute),
      consortium: o.consortium,
    })
  const installation = o.installation ?? 'Grayline'
  const validator = new StixValidator()
  taxiiRoutes(app, { ...base, validator, installation })
  if (base.refs) sharingRoutes(app, { ...base, refs: base.refs, validator })
  if (o.member) registerSharingSync(app, base, secret, installation, o.member)
}
