// The consortium service (key per epoch, quotas, audited evaluation) and the member's client.
export { acceptedEpochs, ConsortiumKeys, epochOf } from './consortium-keys.js'
export type { EpochKey } from './consortium-keys.js'
export { ConsortiumClient, ConsortiumRequestError } from './consortium-client.js'
export type { ConsortiumClientOptions, Tokeniser, TokenSink } from './consortium-client.js'
export {
  chargeQuota,
  QuotaExceededError,
  RateLimitedError,
  RequestRateLimiter,
  usageThisEpoch,
  usageToday,
} from './evaluation-quota.js'
export {
  EpochNotOpenError,
  evaluateForMember,
  evaluationRequestSchema,
  MAX_BATCH,
  toB64,
} from './evaluation.service.js'
export type { ConsortiumDeps, EvaluationReply, EvaluationRequest } from './evaluation.service.js'
