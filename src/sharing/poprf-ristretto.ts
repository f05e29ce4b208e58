// RFC 9497 POPRF over ristretto255-SHA512, the batch operations Grayline needs, on libsodium's
// constant-time ristretto255 (WebAssembly). noble's ristretto255_oprf implements the same
// protocol in BigInt arithmetic, which costs ~3 ms a scalar multiplication on a loaded machine;
// libsodium does one in ~0.1–0.3 ms, and a token takes six (blind; evaluate and its composite;
// the two composites of the proof check and the unblinding). noble still derives the epoch keys
// (once a month) and checks this file in the tests, together with the RFC's appendix vectors.
//
// Names follow RFC 9497 §3.3.3: the client blinds, the server evaluates with one DLEQ proof for
// the whole batch (§2.2.1, ComputeCompositesFast), the client verifies it (ComputeComposites) and
// finalises. Every element arriving from the other side is checked to be a valid, non-identity
// encoding before use (§3.3).
import { createHash, randomFillSync } from 'node:crypto'
import sodium from 'libsodium-wrappers-sumo'

await sodium.ready

const ELEMENT_BYTES = 32
const SCALAR_BYTES = 32
const ascii = (s: string) => new TextEncoder().encode(s)

/** contextString = "OPRFV1-" || I2OSP(mode = 0x02, 1) || "-" || identifier */
const CONTEXT = concat(ascii('OPRFV1-'), Uint8Array.of(0x02), ascii('-ristretto255-SHA512'))
const DST_GROUP = concat(ascii('HashToGroup-'), CONTEXT)
const DST_SCALAR = concat(ascii('HashToScalar-'), CONTEXT)
const SEED_DST = concat(ascii('Seed-'), CONTEXT)
const IDENTITY = new Uint8Array(ELEMENT_BYTES)

/** A source of scalars (32 bytes, little-endian, 0 < s < L); tests pass the RFC's fixed ones. */
export type ScalarSource = () => Uint8Array

const pool = new Uint8Array(64 * 256)
let poolAt = pool.length

/**
 * RandomScalar (RFC 9497 §2.1): 64 random bytes reduced mod L (bias below 2^-250), never zero.
 * Drawn from a pool filled by the operating system's generator, because libsodium's own draws
 * ask WebCrypto for four bytes at a time — a tenth of the whole tokenising time.
 */
export const randomScalar: ScalarSource = () => {
  for (;;) {
    if (poolAt === pool.length) {
      randomFillSync(pool)
      poolAt = 0
    }
    const wide = pool.subarray(poolAt, poolAt + 64)
    poolAt += 64
    const s = sodium.crypto_core_ristretto255_scalar_reduce(wide)
    wide.fill(0)
    if (!sodium.is_zero(s)) return s
  }
}

export class PoprfError extends Error {
  override readonly name = 'PoprfError'
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts)
}

function sha512(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha512')
  for (const p of parts) h.update(p)
  return h.digest()
}

function i2osp2(n: number): Uint8Array {
  return Uint8Array.of((n >> 8) & 0xff, n & 0xff)
}

/** RFC 9497 §4: every byte string is length-prefixed with two bytes; labels are not. */
function framed(...parts: (Uint8Array | string)[]): Uint8Array[] {
  const out: Uint8Array[] = []
  for (const p of parts)
    if (typeof p === 'string') out.push(ascii(p))
    else out.push(i2osp2(p.length), p)
  return out
}

/** RFC 9380 §5.3.1 expand_message_xmd with SHA-512, for the 64 bytes the suite asks for. */
export function expandMessageXmd64(msg: Uint8Array[], dst: Uint8Array): Uint8Array {
  const dstPrime = concat(dst, Uint8Array.of(dst.length))
  const b0 = sha512(new Uint8Array(128), ...msg, i2osp2(64), Uint8Array.of(0), dstPrime)
  return sha512(b0, Uint8Array.of(1), dstPrime) // ell = 1: b_1 is the whole output
}

/** HashToScalar: expand to 64 bytes, read little-endian, reduce mod L. */
function hashToScalar(msg: Uint8Array[], dst = DST_SCALAR): Uint8Array {
  return sodium.crypto_core_ristretto255_scalar_reduce(expandMessageXmd64(msg, dst))
}

/** HashToGroup: hash_to_ristretto255 (RFC 9380 §B.1): the RFC 9496 one-way map of 64 bytes. */
function hashToGroup(input: Uint8Array): Uint8Array {
  return sodium.crypto_core_ristretto255_from_hash(expandMessageXmd64([input], DST_GROUP))
}

function mul(scalar: Uint8Array, element: Uint8Array): Uint8Array {
  return sodium.crypto_scalarmult_ristretto255(scalar, element)
}

function isIdentity(e: Uint8Array): boolean {
  return sodium.memcmp(e, IDENTITY)
}

/** DeserializeElement of something the other side sent: a canonical, non-identity element. */
function wireElement(label: string, e: Uint8Array): Uint8Array {
  if (
    e.length !== ELEMENT_BYTES ||
    isIdentity(e) ||
    !sodium.crypto_core_ristretto255_is_valid_point(e)
  )
    throw new PoprfError(`${label} is invalid: not a ristretto255 element`)
  return e
}

const L = 2n ** 252n + 27742317777372353535851937790883648493n

/** DeserializeScalar: 32 bytes little-endian, below the group order. */
function wireScalar(label: string, s: Uint8Array): Uint8Array {
  let n = 0n
  for (let i = s.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(s[i]!)
  if (s.length !== SCALAR_BYTES || n >= L) throw new PoprfError(`${label} is not a scalar`)
  return s
}

function sum(elements: Uint8Array[]): Uint8Array {
  let acc = elements[0]!
  for (let i = 1; i < elements.length; i++)
    acc = sodium.crypto_core_ristretto255_add(acc, elements[i]!)
  return acc
}

/** The composite weights d_i of §2.2.1: one hash per pair, seeded by the tweaked key. */
function compositeWeights(B: Uint8Array, C: Uint8Array[], D: Uint8Array[]): Uint8Array[] {
  const seed = sha512(...framed(B, SEED_DST))
  return C.map((c, i) =>
    hashToScalar([...framed(seed), i2osp2(i), ...framed(c, D[i]!, 'Composite')]),
  )
}

function challenge(B: Uint8Array, M: Uint8Array, Z: Uint8Array, t2: Uint8Array, t3: Uint8Array) {
  return hashToScalar(framed(B, M, Z, t2, t3, 'Challenge'))
}

/** The POPRF of one public input (`info`): m and the tweak T = m·G are computed once. */
export class RistrettoPoprf {
  private readonly info: Uint8Array
  private readonly m: Uint8Array

  constructor(info: Uint8Array) {
    if (info.length > 0xffff) throw new PoprfError('info is longer than 65535 bytes')
    this.info = Uint8Array.from(info)
    this.m = hashToScalar(framed('Info', this.info))
  }

  /** tweakedKey = m·G + pkS, the key the client checks the proof against (once per batch). */
  tweakedKey(publicKey: Uint8Array): Uint8Array {
    const T = sodium.crypto_scalarmult_ristretto255_base(this.m)
    const tweaked = sodium.crypto_core_ristretto255_add(T, wireElement('the public key', publicKey))
    if (isIdentity(tweaked)) throw new PoprfError('the tweaked key is the identity')
    return tweaked
  }

  /** Blind(input): a fresh scalar per input, blinded = blind · HashToGroup(input). */
  blind(inputs: Uint8Array[], scalars: ScalarSource = randomScalar) {
    const blinds: Uint8Array[] = []
    const blinded: Uint8Array[] = []
    for (const input of inputs) {
      if (input.length > 0xffff) throw new PoprfError('an input is longer than 65535 bytes')
      const point = hashToGroup(input)
      if (isIdentity(point)) throw new PoprfError('an input hashed to the identity')
      const blind = scalars()
      blinds.push(blind)
      blinded.push(mul(blind, point))
    }
    return { blinds, blinded }
  }

  /** BlindEvaluate for a batch: evaluated_i = (skS + m)⁻¹ · blinded_i, and one proof for all. */
  blindEvaluateBatch(secretKey: Uint8Array, blinded: Uint8Array[], scalars = randomScalar) {
    const t = sodium.crypto_core_ristretto255_scalar_add(wireScalar('the key', secretKey), this.m)
    if (sodium.is_zero(t)) throw new PoprfError('the key is the inverse of the tweak')
    const invT = sodium.crypto_core_ristretto255_scalar_invert(t)
    const D = blinded.map((b) => wireElement('a blinded element', b))
    const C = D.map((d) => mul(invT, d))
    const B = sodium.crypto_scalarmult_ristretto255_base(t)
    // GenerateProof(t, G, B, C, D) with ComputeCompositesFast: M = Σ d_i·C_i, Z = t·M.
    const weights = compositeWeights(B, C, D)
    const M = sum(C.map((c, i) => mul(weights[i]!, c)))
    const Z = mul(t, M)
    const r = scalars()
    const t2 = sodium.crypto_scalarmult_ristretto255_base(r)
    const t3 = mul(r, M)
    const c = challenge(B, M, Z, t2, t3)
    const s = sodium.crypto_core_ristretto255_scalar_sub(
      r,
      sodium.crypto_core_ristretto255_scalar_mul(c, t),
    )
    return { evaluated: C, proof: concat(c, s) }
  }

  /**
   * VerifyProof(G, tweakedKey, evaluated, blinded, proof), then Finalize each input:
   * Hash(input, info, blind⁻¹ · evaluated, "Finalize"). Throws PoprfError unless the proof holds.
   */
  finalizeBatch(
    items: { input: Uint8Array; blind: Uint8Array; blinded: Uint8Array; evaluated: Uint8Array }[],
    proof: Uint8Array,
    tweakedKey: Uint8Array,
  ): Uint8Array[] {
    if (proof.length !== 2 * SCALAR_BYTES) throw new PoprfError('the proof is not two scalars')
    const B = wireElement('the tweaked key', tweakedKey)
    const C = items.map((i) => wireElement('an evaluated element', i.evaluated))
    const D = items.map((i) => i.blinded)
    const weights = compositeWeights(B, C, D)
    const M = sum(C.map((e, i) => mul(weights[i]!, e)))
    const Z = sum(D.map((e, i) => mul(weights[i]!, e)))
    const c = wireScalar('the proof challenge', proof.subarray(0, SCALAR_BYTES))
    const s = wireScalar('the proof response', proof.subarray(SCALAR_BYTES))
    // t2 = s·G + c·B, t3 = s·M + c·Z; a zero s or c (an identity term) is no honest proof.
    let t2: Uint8Array, t3: Uint8Array
    try {
      t2 = sodium.crypto_core_ristretto255_add(
        sodium.crypto_scalarmult_ristretto255_base(s),
        mul(c, B),
      )
      t3 = sodium.crypto_core_ristretto255_add(mul(s, M), mul(c, Z))
    } catch {
      throw new PoprfError('proof verification failed')
    }
    if (!sodium.memcmp(challenge(B, M, Z, t2, t3), c))
      throw new PoprfError('proof verification failed')
    return items.map((item, i) => {
      const unblinded = mul(sodium.crypto_core_ristretto255_scalar_invert(item.blind), C[i]!)
      return sha512(...framed(item.input, this.info, unblinded, 'Finalize'))
    })
  }
}
