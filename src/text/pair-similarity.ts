// Judging a candidate pair from signatures alone. Slots whose sampled shingle is frequent in the
// corpus (stock phrases every complainant uses) weigh less, and a text needs enough shingles that
// are not: sharing 利息太高了 and 请尽快处理 is little evidence of a template, sharing a letter is.
import { popcount32 } from './hash.js'

export type SimilarityRules = {
  /** Minimum weighted Jaccard estimate. */
  threshold: number
  /** Weight of a slot that sampled a frequent shingle, against 1 for the others. Not 0: texts made
   * mostly of stock phrases would be judged on a handful of slots; not 1: stock phrases would make
   * unrelated texts alike. */
  frequentWeight: number
  /** Minimum estimated Jaccard over all slots, for texts of at least 2 × minShingles: near-copies
   * of a template so widespread that its own shingles count as frequent. */
  strongThreshold: number
  /** Fewest distinct shingles a text needs; for the first measure, fewest non-frequent ones. */
  minShingles: number
}

/** A signature, its frequent-slot bit mask (bit i: slot i sampled a frequent shingle) and the
 * text's number of distinct shingles. */
export type SlotView = {
  signatures: Uint32Array
  offset: number
  masks: Uint32Array
  maskOffset: number
  distinct: number
}

/** Writes the frequent-slot mask of one signature (size/32 words) into `masks` at `maskOffset`. */
export function markFrequentSlots(
  signatures: Uint32Array,
  offset: number,
  size: number,
  frequency: (slotValue: number) => number,
  limit: number,
  masks: Uint32Array,
  maskOffset: number,
): void {
  for (let word = 0; word < size / 32; word++) {
    let bits = 0
    for (let bit = 0; bit < 32; bit++) {
      if (frequency(signatures[offset + word * 32 + bit] as number) > limit) bits |= 1 << bit
    }
    masks[maskOffset + word] = bits
  }
}

const measured = { overall: 0, weighted: 0, informativeShingles: 0 }

/** Counts equal slots overall and among the slots neither side marks frequent. */
function measure(a: SlotView, b: SlotView, size: number, weight: number): typeof measured {
  const { signatures: sa, offset: oa, masks: ma, maskOffset: moa } = a
  const { signatures: sb, offset: ob, masks: mb, maskOffset: mob } = b
  let equalAll = 0
  let equalInformative = 0
  let informative = 0
  let frequentA = 0
  let frequentB = 0
  for (let word = 0; word < size >>> 5; word++) {
    let equalBits = 0
    const base = word << 5
    for (let bit = 0; bit < 32; bit++) {
      if (sa[oa + base + bit] === sb[ob + base + bit]) equalBits |= 1 << bit
    }
    const maskA = ma[moa + word] as number
    const maskB = mb[mob + word] as number
    equalAll += popcount32(equalBits)
    equalInformative += popcount32(equalBits & ~(maskA | maskB))
    informative += popcount32(~(maskA | maskB))
    frequentA += popcount32(maskA)
    frequentB += popcount32(maskB)
  }
  measured.overall = equalAll / size
  const equalFrequent = equalAll - equalInformative
  measured.weighted =
    (equalInformative + weight * equalFrequent) / (informative + weight * (size - informative))
  // The share of a text's slots that sampled non-frequent shingles estimates the share of its
  // shingles that are not stock language.
  measured.informativeShingles = Math.min(
    (a.distinct * (size - frequentA)) / size,
    (b.distinct * (size - frequentB)) / size,
  )
  return measured
}

/**
 * The similarity of a pair, or −1 when it does not pass: the weighted estimate for texts with
 * enough non-stock content, or the plain one for long near-copies.
 */
export function verifiedSimilarity(
  a: SlotView,
  b: SlotView,
  size: number,
  rules: SimilarityRules,
): number {
  if (a.distinct < rules.minShingles || b.distinct < rules.minShingles) return -1
  const { overall, weighted, informativeShingles } = measure(a, b, size, rules.frequentWeight)
  let best = -1
  if (informativeShingles >= rules.minShingles && weighted >= rules.threshold) best = weighted
  // Near-identical wording is evidence on its own only in a long text: short complaints by
  // different people come out word for word the same by chance.
  const long = Math.min(a.distinct, b.distinct) >= 2 * rules.minShingles
  if (long && overall >= rules.strongThreshold && overall > best) best = overall
  return best
}

/** The weighted estimate without a verdict, to describe a cluster or witness a merge. */
export function describedSimilarity(
  a: SlotView,
  b: SlotView,
  size: number,
  frequentWeight: number,
): number {
  return measure(a, b, size, frequentWeight).weighted
}
