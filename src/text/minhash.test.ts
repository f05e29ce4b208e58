import { describe, expect, it } from 'vitest'
import { popcount32 } from './hash.js'
import { EMPTY_SLOT, estimateJaccard, minhash, SIGNATURE_SIZE } from './minhash.js'
import { shingles } from './shingles.js'

function setOf(from: number, to: number): Uint32Array {
  return Uint32Array.from({ length: to - from }, (_, i) => Math.imul(from + i, 0x9e3779b1) >>> 0)
}

describe('shingles', () => {
  it('ignores punctuation and whitespace', () => {
    expect(shingles('催收电话太多了,请尽快处理。')).toEqual(shingles('催收电话 太多了!请尽快 处理'))
  })

  it('returns each shingle once', () => {
    expect(shingles('哈哈哈哈哈哈哈哈').length).toBe(1)
  })

  it('reads a placeholder as one symbol', () => {
    expect(shingles('借款{AMOUNT}元').length).toBe(1)
    expect(shingles('借款{AMOUNT}元')).not.toEqual(shingles('借款{DATE}元'))
  })

  it('gives a text shorter than a shingle one shingle and an empty text none', () => {
    expect(shingles('太高').length).toBe(1)
    expect(shingles(',。 ').length).toBe(0)
  })
})

describe('minhash', () => {
  it('estimates the Jaccard similarity of two sets within sampling error', () => {
    // |A ∩ B| = 600, |A ∪ B| = 1400: J ≈ 0.43
    const estimate = estimateJaccard(minhash(setOf(0, 1000)), minhash(setOf(400, 1400)))
    expect(estimate).toBeGreaterThan(0.3)
    expect(estimate).toBeLessThan(0.56)
  })

  it('gives identical sets identical signatures and disjoint sets almost no equal slot', () => {
    expect(estimateJaccard(minhash(setOf(0, 50)), minhash(setOf(0, 50)))).toBe(1)
    expect(estimateJaccard(minhash(setOf(0, 500)), minhash(setOf(1000, 1500)))).toBeLessThan(0.05)
  })

  it('fills every slot of a small set by densification, and none of an empty one', () => {
    const small = minhash(setOf(0, 5))
    expect(small.every((slot) => slot !== EMPTY_SLOT)).toBe(true)
    expect(small.length).toBe(SIGNATURE_SIZE)
    expect(estimateJaccard(minhash(new Uint32Array(0)), minhash(new Uint32Array(0)))).toBe(0)
  })

  it('counts bits of negative 32-bit integers too', () => {
    expect(popcount32(-1)).toBe(32)
    expect(popcount32(0b1011)).toBe(3)
  })
})
