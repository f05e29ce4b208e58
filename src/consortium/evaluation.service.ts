// The consortium service's one operation: evaluate a member's blinded batch under the epoch key
// with a proof. It never sees a value, only blinded group elements; every evaluation is counted
// against the member's quota and written to the audit log.
import { z } from 'zod'
import type { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import type { SharingPeer } from '../sharing/sharing-peers.js'
import type { TokenPool } from '../sharing/token-pool.js'
import { tokenPool } from '../sharing/token-pool.js'
import { indicatorTypes } from '../sharing/token-suite.js'
import type { ConsortiumKeys } from './consortium-keys.js'
import { acceptedEpochs } from './consortium-keys.js'
import type { RequestRateLimiter } from './evaluation-quota.js'
import { chargeQuota } from './evaluation-quota.js'

export const MAX_BATCH = 2_000

const element = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte element, base64url')
export const evaluationRequestSchema = z.object({
  type: z.enum(indicatorTypes),
  epoch: z.string().regex(/^\d{4}-\d{2}$/),
  blinded: z.array(element).min(1).max(MAX_BATCH),
})
export type EvaluationRequest = z.infer<typeof evaluationRequestSchema>
export type EvaluationReply = {
  suite: 'ristretto255-SHA512'
  mode: 'POPRF'
  epoch: string
  public_key: string
  evaluated: string[]
  proof: string
}

export class EpochNotOpenError extends Error {
  readonly code = 'epoch_not_open'
  constructor(epoch: string, open: string[]) {
    super(`epoch ${epoch} is not open for evaluation (open: ${open.join(', ')})`)
  }
}

export type ConsortiumDeps = {
  ctx: Context
  audit: AuditLog
  keys: ConsortiumKeys
  limiter: RequestRateLimiter
  /** The consortium's name: the first part of every token's public input. */
  consortium: string
  /** Where batches are evaluated; the process's shared pool of token workers by default. */
  pool?: TokenPool
}

export async function evaluateForMember(
  d: ConsortiumDeps,
  peer: SharingPeer,
  req: EvaluationRequest,
): Promise<EvaluationReply> {
  const now = d.ctx.clock.now()
  const open = acceptedEpochs(now)
  const auditBase = { actor: `peer:${peer.peerId}`, action: 'consortium.evaluate' }
  const detail = { type: req.type, epoch: req.epoch, count: req.blinded.length }
  try {
    if (!open.includes(req.epoch)) throw new EpochNotOpenError(req.epoch, open)
    d.limiter.take(peer.peerId, now.getTime())
    await chargeQuota(d.ctx, peer, req.blinded.length)
  } catch (err) {
    d.audit.record({ ...auditBase, detail: { ...detail, refused: String(err) }, outcome: 'denied' })
    throw err
  }
  const key = d.keys.forEpoch(req.epoch)
  const domain = { consortium: d.consortium, type: req.type, epoch: req.epoch }
  const out = await (d.pool ?? tokenPool()).evaluate(
    domain,
    key.secretKey,
    req.blinded.map(fromB64),
  )
  d.audit.record({ ...auditBase, detail })
  return {
    suite: 'ristretto255-SHA512',
    mode: 'POPRF',
    epoch: req.epoch,
    public_key: toB64(key.publicKey),
    evaluated: out.evaluated.map(toB64),
    proof: toB64(out.proof),
  }
}

export function toB64(b: Uint8Array): string {
  return Buffer.from(b).toString('base64url')
}

export function fromB64(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, 'base64url'))
}
