// RFC 9497 POPRF over ristretto255-SHA512 (noble's ristretto255_oprf): the consortium service
// holds the key, members blind and finalise. The public input ties every token to one consortium,
// one indicator type and one epoch, so a token means nothing outside them.
import type { RNG } from '@noble/curves/abstract/oprf.js'
import { ristretto255_oprf } from '@noble/curves/ed25519.js'

export const TOKEN_PREFIX = 'oprf-r255'
/** The first 32 bytes of the 64-byte SHA-512 output: 256 bits is ample for set membership. */
const TOKEN_BYTES = 32

export const indicatorTypes = ['phone', 'wechat', 'organization'] as const
export type TokenisedType = (typeof indicatorTypes)[number]

export type TokenDomain = { consortium: string; type: TokenisedType; epoch: string }
/** A source of random bytes; tests pass fixed ones to reproduce the RFC vectors. */
export type Rng = RNG

const encoder = new TextEncoder()

/** The POPRF public input: `grayline/v1|consortium|type|epoch`, the same bytes on both sides. */
export function tokenInfo(d: TokenDomain): Uint8Array {
  for (const part of [d.consortium, d.epoch])
    if (part.includes('|')) throw new Error(`"${part}" may not contain "|"`)
  return encoder.encode(`grayline/v1|${d.consortium}|${d.type}|${d.epoch}`)
}

export function poprfFor(d: TokenDomain) {
  return ristretto255_oprf.poprf(tokenInfo(d))
}

/** The key of one epoch, derived from the service's secret seed so that nothing else is stored. */
export function epochKeyPair(seed: Uint8Array, epoch: string) {
  // RFC 9497 §3.2.1: DeriveKeyPair(seed, info); the key is per epoch, the same for every type.
  return ristretto255_oprf.poprf(new Uint8Array(0)).deriveKeyPair(seed, encoder.encode(epoch))
}

export function tokenOf(output: Uint8Array): string {
  return `${TOKEN_PREFIX}:${Buffer.from(output.subarray(0, TOKEN_BYTES)).toString('hex')}`
}

export function utf8(value: string): Uint8Array {
  return encoder.encode(value)
}
