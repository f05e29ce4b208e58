// Pairwise agreement between the detector's gangs and the labelled gangs.
//
// Universe: every labelled contact that has a labelled gang or a predicted gang_id (as the
// assessment reports it; the detector only sets one on flagged contacts). A contact without a
// gang on one side is a singleton on that side: it is "same" with nobody there.
//   predicted-same = unordered pairs of contacts with equal predicted gang_id
//   true-same      = unordered pairs of contacts with equal labelled gang
//   precision = |predicted-same ∩ true-same| / |predicted-same|   (null when no predicted pairs)
//   recall    = |predicted-same ∩ true-same| / |true-same|        (null when no true pairs)
// Pairs are never enumerated: with n(p,t) the contacts in predicted gang p and labelled gang t,
// |both| = Σ C(n(p,t), 2), |predicted-same| = Σ_p C(n(p,·), 2), |true-same| = Σ_t C(n(·,t), 2).
import type { Ratio } from './ratio.js'
import { ratio } from './ratio.js'

export type GangPairMetrics = {
  contacts: number
  predictedGangs: number
  labelledGangs: number
  predictedSamePairs: number
  trueSamePairs: number
  correctPairs: number
  precision: Ratio
  recall: Ratio
}

export class GangPairCounter {
  private contacts = 0
  private readonly predicted = new Map<string, number>()
  private readonly labelled = new Map<string, number>()
  private readonly cells = new Map<string, number>()

  add(predicted: string | null, labelled: string | null): void {
    if (predicted === null && labelled === null) return
    this.contacts++
    if (predicted !== null) bump(this.predicted, predicted)
    if (labelled !== null) bump(this.labelled, labelled)
    if (predicted !== null && labelled !== null)
      bump(this.cells, JSON.stringify([predicted, labelled]))
  }

  result(): GangPairMetrics {
    const predictedSamePairs = sumPairs(this.predicted)
    const trueSamePairs = sumPairs(this.labelled)
    const correctPairs = sumPairs(this.cells)
    return {
      contacts: this.contacts,
      predictedGangs: this.predicted.size,
      labelledGangs: this.labelled.size,
      predictedSamePairs,
      trueSamePairs,
      correctPairs,
      precision: ratio(correctPairs, predictedSamePairs),
      recall: ratio(correctPairs, trueSamePairs),
    }
  }
}

export function pairsOf(n: number): number {
  return (n * (n - 1)) / 2
}

function sumPairs(sizes: Map<string, number>): number {
  let sum = 0
  for (const n of sizes.values()) sum += pairsOf(n)
  return sum
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1)
}
