// LSH banding without a hash map per band: each band's 32-bit keys are radix-sorted, so documents
// that agree on a band sit in one run of the sorted order. The orders are kept for lookups.
import { fmix32 } from './hash.js'

/** 16 bands of 4 rows over a 64-slot signature: a pair at Jaccard 0.6 becomes a candidate with
 * probability 1 − (1 − 0.6⁴)¹⁶ ≈ 0.89, at 0.7 ≈ 0.99, at 0.3 only ≈ 0.12. */
export const BAND_COUNT = 16
export const BAND_ROWS = 4

/** The key of one band of the signature starting at `offset`. */
export function bandKey(signatures: Uint32Array, offset: number, band: number): number {
  const start = offset + band * BAND_ROWS
  let h = Math.imul(band + 1, 0x9e3779b1)
  for (let i = start; i < start + BAND_ROWS; i++) {
    h = Math.imul(h ^ (signatures[i] as number), 0x01000193)
    h = (h << 13) | (h >>> 19)
  }
  return fmix32(h)
}

/** Scratch arrays for sorting N documents by a band key, reused across bands. */
export type BandScratch = { keys: Uint32Array; tmpKeys: Uint32Array; tmpOrder: Uint32Array }

export function bandScratch(count: number): BandScratch {
  return {
    keys: new Uint32Array(count),
    tmpKeys: new Uint32Array(count),
    tmpOrder: new Uint32Array(count),
  }
}

const lowCounts = new Uint32Array(65536)
const highCounts = new Uint32Array(65536)

/**
 * Sorts documents 0..count-1 by their key of `band`: writes the order into `order` and the sorted
 * keys into `scratch.keys`. A stable LSD radix sort in two 16-bit passes, so equal keys keep
 * ascending document order.
 */
export function sortByBand(
  signatures: Uint32Array,
  size: number,
  count: number,
  band: number,
  order: Uint32Array,
  scratch: BandScratch,
): void {
  const { keys, tmpKeys, tmpOrder } = scratch
  lowCounts.fill(0)
  highCounts.fill(0)
  for (let doc = 0; doc < count; doc++) {
    const key = bandKey(signatures, doc * size, band)
    keys[doc] = key
    bump(lowCounts, key & 0xffff)
    bump(highCounts, key >>> 16)
  }
  toStartPositions(lowCounts)
  toStartPositions(highCounts)
  for (let doc = 0; doc < count; doc++) {
    const key = keys[doc] as number
    const at = bump(lowCounts, key & 0xffff)
    tmpKeys[at] = key
    tmpOrder[at] = doc
  }
  for (let i = 0; i < count; i++) {
    const key = tmpKeys[i] as number
    const at = bump(highCounts, key >>> 16)
    keys[at] = key
    order[at] = tmpOrder[i] as number
  }
}

/** Increments a counter, returning its previous value. */
function bump(counts: Uint32Array, index: number): number {
  const value = counts[index] as number
  counts[index] = value + 1
  return value
}

function toStartPositions(counts: Uint32Array): void {
  let sum = 0
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number
    counts[i] = sum
    sum += c
  }
}

/** The range [from, to) of `order` (sorted by band key) whose documents have band key `key`,
 * at most `limit` long. */
export function runOf(
  signatures: Uint32Array,
  size: number,
  order: Uint32Array,
  count: number,
  band: number,
  key: number,
  limit: number,
): [number, number] {
  const keyAt = (i: number) => bandKey(signatures, (order[i] as number) * size, band)
  let lo = 0
  let hi = count
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keyAt(mid) < key) lo = mid + 1
    else hi = mid
  }
  let end = lo
  while (end < count && end - lo < limit && keyAt(end) === key) end++
  return [lo, end]
}
