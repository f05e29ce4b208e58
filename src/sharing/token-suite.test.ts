// RFC 9497 Appendix A.1.3 (ristretto255-SHA512, POPRF mode) test vectors, checked against noble's
// ristretto255_oprf (which derives the keys) and against Grayline's own implementation on
// libsodium (poprf-ristretto.ts), which tokenises; the two also agree on random inputs. Values from
// the RFC text, as transcribed in noble-curves' test/vectors/rfc9497-oprf.json (commit 4376f01).
import { ristretto255_oprf } from '@noble/curves/ed25519.js'
import { numberToBytesLE, bytesToNumberLE } from '@noble/curves/utils.js'
import { afterAll, describe, expect, it } from 'vitest'
import { PoprfError, RistrettoPoprf } from './poprf-ristretto.js'
import { blindBatch, evaluateBatch, finaliseBatch, TokenProofError } from './token-batch.js'
import { TokenPool } from './token-pool.js'
import type { TokenDomain } from './token-suite.js'
import { epochKeyPair, tokenInfo, tokenOf, utf8 } from './token-suite.js'

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'))
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex')

const seed = hex('a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3')
const keyInfo = hex('74657374206b6579') // "test key"
const info = hex('7465737420696e666f') // "test info"
const skSm = '145c79c108538421ac164ecbe131942136d5570b16d8bf41a24d4337da981e07'
const pkSm = 'c647bef38497bc6ec077c22af65b696efa43bff3b4a1975a3e8e0a1c5a79d631'
const blindA = '64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706'
const blindB = '222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e'

const vectors = [
  {
    name: 'Test Vector 1, Batch Size 1',
    inputs: ['00'],
    blinds: [blindA],
    blinded: ['c8713aa89241d6989ac142f22dba30596db635c772cbf25021fdd8f3d461f715'],
    evaluated: ['1a4b860d808ff19624731e67b5eff20ceb2df3c3c03b906f5693e2078450d874'],
    proof:
      '41ad1a291aa02c80b0915fbfbb0c0afa15a57e2970067a602ddb9e8fd6b7100de32e1ecff943a36f0b10e3dae6bd266cdeb8adf825d86ef27dbc6c0e30c52206',
    proofRandomScalar: blindB,
    outputs: [
      'ca688351e88afb1d841fde4401c79efebb2eb75e7998fa9737bd5a82a152406d38bd29f680504e54fd4587eddcf2f37a2617ac2fbd2993f7bdf45442ace7d221',
    ],
  },
  {
    name: 'Test Vector 2, Batch Size 1',
    inputs: ['5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a'],
    blinds: [blindA],
    blinded: ['f0f0b209dd4d5f1844dac679acc7761b91a2e704879656cb7c201e82a99ab07d'],
    evaluated: ['8c3c9d064c334c6991e99f286ea2301d1bde170b54003fb9c44c6d7bd6fc1540'],
    proof:
      '4c39992d55ffba38232cdac88fe583af8a85441fefd7d1d4a8d0394cd1de77018bf135c174f20281b3341ab1f453fe72b0293a7398703384bed822bfdeec8908',
    proofRandomScalar: blindB,
    outputs: [
      '7c6557b276a137922a0bcfc2aa2b35dd78322bd500235eb6d6b6f91bc5b56a52de2d65612d503236b321f5d0bebcbc52b64b92e426f29c9b8b69f52de98ae507',
    ],
  },
  {
    name: 'Test Vector 3, Batch Size 2',
    inputs: ['00', '5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a'],
    blinds: [blindA, blindB],
    blinded: [
      'c8713aa89241d6989ac142f22dba30596db635c772cbf25021fdd8f3d461f715',
      '423a01c072e06eb1cce96d23acce06e1ea64a609d7ec9e9023f3049f2d64e50c',
    ],
    evaluated: [
      '1a4b860d808ff19624731e67b5eff20ceb2df3c3c03b906f5693e2078450d874',
      'aa1f16e903841036e38075da8a46655c94fc92341887eb5819f46312adfc0504',
    ],
    proof:
      '43fdb53be399cbd3561186ae480320caa2b9f36cca0e5b160c4a677b8bbf4301b28f12c36aa8e11e5a7ef551da0781e863a6dc8c0b2bf5a149c9e00621f02006',
    proofRandomScalar: '419c4f4f5052c53c45f3da494d2b67b220d02118e0857cdbcf037f9ea84bbe0c',
    outputs: [
      'ca688351e88afb1d841fde4401c79efebb2eb75e7998fa9737bd5a82a152406d38bd29f680504e54fd4587eddcf2f37a2617ac2fbd2993f7bdf45442ace7d221',
      '7c6557b276a137922a0bcfc2aa2b35dd78322bd500235eb6d6b6f91bc5b56a52de2d65612d503236b321f5d0bebcbc52b64b92e426f29c9b8b69f52de98ae507',
    ],
  },
]

/**
 * noble draws a scalar as (48 random bytes mod (n-1)) + 1; to make it draw the RFC's fixed
 * scalar s, hand it the little-endian bytes of s - 1.
 */
function fixedScalars(...scalars: string[]) {
  const queue = scalars.map((s) => numberToBytesLE(bytesToNumberLE(hex(s)) - 1n, 48))
  return (len?: number) => {
    const next = queue.shift()
    if (!next || next.length !== len) throw new Error('unexpected draw from the test RNG')
    return next as Uint8Array<ArrayBuffer>
  }
}

describe('RFC 9497 A.1.3 ristretto255-SHA512 POPRF vectors', () => {
  const poprf = ristretto255_oprf.poprf(info)
  const keys = poprf.deriveKeyPair(seed, keyInfo)

  it('derives the key pair of the appendix', () => {
    expect(toHex(keys.secretKey)).toBe(skSm)
    expect(toHex(keys.publicKey)).toBe(pkSm)
  })

  for (const v of vectors) {
    it(`${v.name}: blinds, evaluates with the proof and finalises to the output`, () => {
      const blinded = v.inputs.map((input, i) => {
        const b = poprf.blind(hex(input), keys.publicKey, fixedScalars(v.blinds[i]!))
        expect(toHex(b.blinded)).toBe(v.blinded[i])
        return b
      })
      const ev = poprf.blindEvaluateBatch(
        keys.secretKey,
        blinded.map((b) => b.blinded),
        fixedScalars(v.proofRandomScalar),
      )
      expect(ev.evaluated.map(toHex)).toEqual(v.evaluated)
      expect(toHex(ev.proof)).toBe(v.proof)
      const items = v.inputs.map((input, i) => ({
        input: hex(input),
        blind: hex(v.blinds[i]!),
        blinded: hex(v.blinded[i]!),
        evaluated: hex(v.evaluated[i]!),
      }))
      const out = poprf.finalizeBatch(items, hex(v.proof), blinded[0]!.tweakedKey)
      expect(out.map(toHex)).toEqual(v.outputs)
    })
  }
})

describe('RFC 9497 A.1.3 vectors through the libsodium implementation', () => {
  const poprf = new RistrettoPoprf(info)
  const keys = ristretto255_oprf.poprf(info).deriveKeyPair(seed, keyInfo)
  /** Fixed scalars, handed over as they are (32 bytes, little-endian). */
  const scalars =
    (...s: string[]) =>
    () =>
      hex(s.shift()!)

  for (const v of vectors) {
    it(`${v.name}: the same blinded, evaluated elements, proof and outputs`, () => {
      const b = poprf.blind(v.inputs.map(hex), scalars(...v.blinds))
      expect(b.blinded.map(toHex)).toEqual(v.blinded)
      const ev = poprf.blindEvaluateBatch(keys.secretKey, b.blinded, scalars(v.proofRandomScalar))
      expect(ev.evaluated.map(toHex)).toEqual(v.evaluated)
      expect(toHex(ev.proof)).toBe(v.proof)
      const items = v.inputs.map((input, i) => ({
        input: hex(input),
        blind: hex(v.blinds[i]!),
        blinded: hex(v.blinded[i]!),
        evaluated: hex(v.evaluated[i]!),
      }))
      const out = poprf.finalizeBatch(items, hex(v.proof), poprf.tweakedKey(keys.publicKey))
      expect(out.map(toHex)).toEqual(v.outputs)
    })
  }

  it('agrees with noble on random inputs, and noble verifies its proofs', () => {
    const domain: TokenDomain = { consortium: 'cfc-east', type: 'wechat', epoch: '2026-05' }
    const k = epochKeyPair(new Uint8Array(32).fill(5), '2026-05')
    const noble = ristretto255_oprf.poprf(tokenInfo(domain))
    const values = Array.from({ length: 7 }, (_, i) => `wxid_${i}_${Math.random()}`)
    const batch = blindBatch(domain, values, k.publicKey)
    const reply = evaluateBatch(domain, k.secretKey, batch.blinded)
    const nobleOut = noble.finalizeBatch(
      values.map((v, i) => ({
        input: utf8(v),
        blind: batch.blinds[i]!,
        blinded: batch.blinded[i]!,
        evaluated: reply.evaluated[i]!,
      })),
      reply.proof,
      batch.tweakedKey,
    )
    expect(finaliseBatch(batch, reply)).toEqual(nobleOut.map((o) => tokenOf(o)))
    expect(nobleOut.map((o) => tokenOf(o))).toEqual(
      values.map((v) => tokenOf(noble.evaluate(k.secretKey, utf8(v)))),
    )
  })

  it('refuses a tampered proof or element, and elements that are not in the group', () => {
    const keys2 = epochKeyPair(new Uint8Array(32).fill(9), '2026-05')
    const b = poprf.blind([utf8('a'), utf8('b')])
    const ev = poprf.blindEvaluateBatch(keys2.secretKey, b.blinded)
    const items = (evaluated: Uint8Array[]) =>
      ['a', 'b'].map((x, i) => ({
        input: utf8(x),
        blind: b.blinds[i]!,
        blinded: b.blinded[i]!,
        evaluated: evaluated[i]!,
      }))
    const tk = poprf.tweakedKey(keys2.publicKey)
    const proof = Uint8Array.from(ev.proof)
    proof[3]! ^= 1
    expect(() => poprf.finalizeBatch(items(ev.evaluated), proof, tk)).toThrow(PoprfError)
    const swapped = [ev.evaluated[1]!, ev.evaluated[0]!]
    expect(() => poprf.finalizeBatch(items(swapped), ev.proof, tk)).toThrow(PoprfError)
    const identity = new Uint8Array(32)
    const notOnCurve = new Uint8Array(32).fill(0xff)
    for (const bad of [identity, notOnCurve])
      expect(() => poprf.blindEvaluateBatch(keys2.secretKey, [bad])).toThrow(/invalid/)
    const overL = new Uint8Array(64).fill(0xff) // c and s not below the group order
    expect(() => poprf.finalizeBatch(items(ev.evaluated), overL, tk)).toThrow(PoprfError)
  })
})

describe('token workers', () => {
  const pool = new TokenPool({ workers: 1, inThreadBelow: 1 })
  afterAll(() => pool.close())
  const domain: TokenDomain = { consortium: 'cfc-east', type: 'phone', epoch: '2026-05' }
  const keys = epochKeyPair(new Uint8Array(32).fill(7), '2026-05')

  it('blind, evaluate and finalise on a worker thread to the same tokens', async () => {
    const values = ['+8613912345678', '+8613800138000', '+8619912345678']
    const batch = await pool.blind(domain, values, keys.publicKey)
    const reply = await pool.evaluate(domain, keys.secretKey, batch.blinded)
    const inThread = blindBatch(domain, values, keys.publicKey)
    expect(await pool.finalise(batch, reply)).toEqual(
      finaliseBatch(inThread, evaluateBatch(domain, keys.secretKey, inThread.blinded)),
    )
  })

  it("hands back a worker's refusal as the same error", async () => {
    const batch = await pool.blind(domain, ['+8613912345678'], keys.publicKey)
    const other = epochKeyPair(new Uint8Array(32).fill(8), '2026-05')
    const reply = await pool.evaluate(domain, other.secretKey, batch.blinded)
    await expect(pool.finalise(batch, reply)).rejects.toBeInstanceOf(TokenProofError)
    await expect(pool.evaluate(domain, keys.secretKey, [new Uint8Array(32)])).rejects.toThrow(
      /invalid/,
    )
  })
})

describe('token batches', () => {
  const domain: TokenDomain = { consortium: 'cfc-east', type: 'phone', epoch: '2026-05' }
  const keys = epochKeyPair(new Uint8Array(32).fill(7), '2026-05')
  const values = ['+8613912345678', '+8613800138000']

  it('gives every member the same token for the same canonical value, without the key', () => {
    const a = blindBatch(domain, values, keys.publicKey)
    const b = blindBatch(domain, [values[1]!], keys.publicKey)
    expect(a.blinded[1]).not.toEqual(b.blinded[0]) // blinding hides the value from the service
    const ta = finaliseBatch(a, evaluateBatch(domain, keys.secretKey, a.blinded))
    const tb = finaliseBatch(b, evaluateBatch(domain, keys.secretKey, b.blinded))
    expect(ta[1]).toBe(tb[0])
    expect(ta[0]).not.toBe(ta[1])
    expect(ta[0]).toMatch(/^oprf-r255:[0-9a-f]{64}$/)
  })

  it('gives different tokens in another epoch or for another indicator type', () => {
    const token = (d: TokenDomain, k = keys) => {
      const batch = blindBatch(d, [values[0]!], k.publicKey)
      return finaliseBatch(batch, evaluateBatch(d, k.secretKey, batch.blinded))[0]
    }
    const june = epochKeyPair(new Uint8Array(32).fill(7), '2026-06')
    expect(token(domain)).not.toBe(token({ ...domain, epoch: '2026-06' }, june))
    expect(token(domain)).not.toBe(token({ ...domain, type: 'wechat' }))
  })

  it('refuses an evaluation under another key or for another domain', () => {
    const batch = blindBatch(domain, values, keys.publicKey)
    const other = epochKeyPair(new Uint8Array(32).fill(8), '2026-05')
    expect(() =>
      finaliseBatch(batch, evaluateBatch(domain, other.secretKey, batch.blinded)),
    ).toThrow(TokenProofError)
    const wechat = { ...domain, type: 'wechat' as const }
    expect(() =>
      finaliseBatch(batch, evaluateBatch(wechat, keys.secretKey, batch.blinded)),
    ).toThrow(TokenProofError)
  })

  it('names consortium, type and epoch in the public input', () => {
    expect(new TextDecoder().decode(tokenInfo(domain))).toBe('grayline/v1|cfc-east|phone|2026-05')
  })
})
