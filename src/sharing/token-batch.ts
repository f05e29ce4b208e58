// The member's two steps around one round trip: blind a batch of canonical values, then verify the
// service's batch proof against the tweaked key and finalise each value to its token.
import { PoprfError } from './poprf-ristretto.js'
import type { ScalarSource, TokenDomain } from './token-suite.js'
import { poprfFor, tokenOf, utf8 } from './token-suite.js'

export type BlindedBatch = {
  domain: TokenDomain
  values: string[]
  blinds: Uint8Array[]
  blinded: Uint8Array[]
  tweakedKey: Uint8Array
}

export type EvaluatedBatch = { evaluated: Uint8Array[]; proof: Uint8Array }

export class TokenProofError extends Error {
  override readonly name = 'TokenProofError'
  readonly code = 'token_proof_invalid'
  constructor(reason: string) {
    super(`the consortium service's evaluation did not verify: ${reason}`)
  }
}

export function blindBatch(
  domain: TokenDomain,
  values: string[],
  publicKey: Uint8Array,
  scalars?: ScalarSource,
): BlindedBatch {
  const poprf = poprfFor(domain)
  // The tweaked key depends only on the public key and the domain: once per batch.
  const tweakedKey = poprf.tweakedKey(publicKey)
  const { blinds, blinded } = poprf.blind(values.map(utf8), scalars)
  return { domain, values, blinds, blinded, tweakedKey }
}

/** Tokens in the order of the values; throws TokenProofError unless the batch proof verifies. */
export function finaliseBatch(batch: BlindedBatch, reply: EvaluatedBatch): string[] {
  if (reply.evaluated.length !== batch.values.length)
    throw new TokenProofError(
      `${reply.evaluated.length} elements for ${batch.values.length} inputs`,
    )
  if (batch.values.length === 0) return []
  const items = batch.values.map((v, i) => ({
    input: utf8(v),
    blind: batch.blinds[i]!,
    blinded: batch.blinded[i]!,
    evaluated: reply.evaluated[i]!,
  }))
  try {
    return poprfFor(batch.domain)
      .finalizeBatch(items, reply.proof, batch.tweakedKey)
      .map((o) => tokenOf(o))
  } catch (err) {
    if (err instanceof PoprfError) throw new TokenProofError(err.message)
    throw new TokenProofError(err instanceof Error ? err.message : String(err))
  }
}

/** The service's step: evaluate a batch under the epoch key, with one proof for all of it. */
export function evaluateBatch(
  domain: TokenDomain,
  secretKey: Uint8Array,
  blinded: Uint8Array[],
  scalars?: ScalarSource,
): EvaluatedBatch {
  if (blinded.length === 0) return { evaluated: [], proof: new Uint8Array(0) }
  return poprfFor(domain).blindEvaluateBatch(secretKey, blinded, scalars)
}
