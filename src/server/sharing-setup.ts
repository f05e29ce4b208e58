// Indicator sharing on this installation's server: the consortium service when it runs in
// consortium mode, and the TAXII 2.1 server every installation offers its peers.
import type { AuditLog } from '../audit/index.js'
import { ConsortiumKeys, RequestRateLimiter } from '../consortium/index.js'
import type { Context } from '../context.js'
import { StixValidator } from '../sharing/stix/stix-validator.js'
import type { Api } from './deps.js'
import { consortiumRoutes } from './routes/consortium.routes.js'
import { taxiiRoutes } from './routes/taxii.routes.js'

export type SharingOptions = {
  /** Consortium mode: the consortium's name (the first part of every token's public input). */
  consortium?: string
  /** Evaluation requests a member may make per minute (burst limit; the daily quota is per peer). */
  requestsPerMinute?: number
  /** This installation's name as peers see it (the TAXII discovery title). */
  installation?: string
}

export function sharingOptionsFromEnv(env = process.env): SharingOptions {
  return {
    consortium: env.GRAYLINE_CONSORTIUM_SERVICE || undefined,
    requestsPerMinute: env.GRAYLINE_CONSORTIUM_RPM
      ? Number(env.GRAYLINE_CONSORTIUM_RPM)
      : undefined,
    installation: env.GRAYLINE_INSTALLATION_NAME || undefined,
  }
}

export function registerSharing(
  app: Api,
  base: { ctx: Context; audit: AuditLog },
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
  taxiiRoutes(app, {
    ...base,
    validator: new StixValidator(),
    installation: o.installation ?? 'Grayline',
  })
}
