// RFC 9497 POPRF over ristretto255-SHA512: the consortium service holds the key, members blind
// and finalise (poprf-ristretto.ts, on libsodium; noble's ristretto255_oprf derives the keys and
// checks it in the tests). The public input ties every token to one consortium, one indicator
// type and one epoch, so a token means nothing outside them.
import { ristretto255_oprf } from '@noble/curves/ed25519.js'
import { RistrettoPoprf } from './poprf-ristretto.js'

export const TOKEN_PREFIX = 'oprf-r255'
/** The first 32 bytes of the 64-byte SHA-512 output: 256 bits is ample for set membership. */
const TOKEN_BYTES = 32

export const indicatorTypes = ['phone', 'wechat', 'organization'] as const
export type TokenisedType = (typeof indicatorTypes)[number]

export type TokenDomain = { consortium: string; type: TokenisedType; epoch: string }
/** A source of blinding and proof scalars; tests pass fixed ones to reproduce the RFC vectors. */
export type { ScalarSource } from './poprf-ristretto.js'

const encoder = new TextEncoder()

/** The POPRF public input: `grayline/v1|consortium|type|epoch`, the same bytes on both sides. */
export function tokenInfo(d: TokenDomain): Uint8Array {
  for (const part of [d.consortium, d.epoch])
    if (part.includes('|')) throw new Error(`"${part}" may not contain "|"`)
  return encoder.encode(`grayline/v1|${d.consortium}|${d.type}|${d.epoch}`)
}

const poprfs = new Map<string, RistrettoPoprf>()

/** The POPRF of one domain (its public input hashed once, kept for the next batch). */
export function poprfFor(d: TokenDomain): RistrettoPoprf {
  const info = tokenInfo(d)
  const key = Buffer.from(info).toString('latin1')
  let poprf = poprfs.get(key)
  if (!poprf) {
    if (poprfs.size >= 64) poprfs.clear()
    poprfs.set(key, (poprf = new RistrettoPoprf(info)))
  }
  return poprf
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
