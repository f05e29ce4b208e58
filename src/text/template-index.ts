// Finds template letters among complaint texts: texts that are the same letter with the slots
// (name, ID number, amount, dates, loan) filled in differently, sent for several customers.
// Batch: clusters(); one new text against everything added: match().
import { shingles } from './shingles.js'
import { SignatureStore } from './signature-store.js'
import { maskSlots } from './slots.js'
import { buildBands, type BandOrders } from './template-bands.js'
import { findClusters, type ClusterRules, type TemplateCluster } from './template-clusters.js'
import { findMatches, findMatchesOfStored, type TemplateMatch } from './template-match.js'

export type { TemplateCluster } from './template-clusters.js'
export type { TemplateMatch } from './template-match.js'
export { DuplicateTextError } from './signature-store.js'
export { sharedPassages } from './shared-passages.js'

export type TemplateOptions = Partial<ClusterRules> & {
  /** A shingle in more than this share of all texts is stock language and weighs less. */
  maxDocFrequency?: number
  /** ... but only once it occurs in more than this many texts (small corpora have no statistics). */
  minFrequentCount?: number
}

export type MatchOptions = TemplateOptions & { limit?: number }

/**
 * threshold 0.6: copies of a letter with slots, reordered, dropped and reworded sentences score
 * 0.6–0.95 on masked 4-shingles, different letters sharing stock paragraphs stay under ~0.5.
 * strongThreshold 0.8 for near-copies whose own shingles are frequent (a flood of one letter).
 * minShingles 30 distinct shingles (~35 characters of content): shorter texts never cluster.
 * maxDocFrequency 5% / minFrequentCount 20: what counts as stock language.
 */
export const TEMPLATE_DEFAULTS: Required<TemplateOptions> = {
  threshold: 0.6,
  frequentWeight: 0.5,
  strongThreshold: 0.8,
  mergeThreshold: 0.6,
  minGroups: 3,
  minShingles: 30,
  neighbours: 1,
  maxDocFrequency: 0.05,
  minFrequentCount: 20,
}

export class TemplateIndex {
  private readonly store = new SignatureStore()
  private readonly defaults: Required<TemplateOptions>
  private bands: BandOrders | undefined
  private lastClusters: TemplateCluster[] = []
  private clusterOfDoc: Int32Array = new Int32Array(0)

  constructor(options: TemplateOptions = {}) {
    this.defaults = { ...TEMPLATE_DEFAULTS, ...options }
  }

  get size(): number {
    return this.store.count
  }

  /** Adds a text (NFKC-normalised); `groupId` is the customer it speaks for. docIds are unique. */
  add(docId: string, groupId: string, text: string): void {
    this.addShingles(docId, groupId, shingles(maskSlots(text)))
  }

  /** add() with the text's `shingles(maskSlots(text))` worked out already (maybe on another thread). */
  addShingles(docId: string, groupId: string, shingleHashes: Uint32Array): void {
    this.store.append(docId, groupId, shingleHashes)
  }

  /** Template clusters among everything added so far, largest first. */
  clusters(options: TemplateOptions = {}): TemplateCluster[] {
    const rules = { ...this.defaults, ...options }
    const limit = this.store.frequentLimit(rules.maxDocFrequency, rules.minFrequentCount)
    const result = findClusters(this.store, rules, limit)
    this.bands = result.bands
    this.lastClusters = result.clusters
    this.clusterOfDoc = result.clusterOfDoc
    return result.clusters
  }

  /** The template cluster a text belonged to at the last clusters() run, if any. */
  clusterOf(docId: string): TemplateCluster | undefined {
    const doc = this.store.indexOf(docId)
    if (doc === undefined || doc >= this.clusterOfDoc.length) return undefined
    return this.lastClusters[this.clusterOfDoc[doc] as number]
  }

  /** The stored texts most similar to a new one, best first; none for a short text. */
  match(text: string, options: MatchOptions = {}): TemplateMatch[] {
    const rules = { ...this.defaults, ...options }
    const hashes = shingles(maskSlots(text))
    if (hashes.length < rules.minShingles || this.store.count === 0) return []
    const frequentLimit = this.store.frequentLimit(rules.maxDocFrequency, rules.minFrequentCount)
    const limit = options.limit ?? 10
    return findMatches(this.store, this.freshBands(), hashes, { ...rules, frequentLimit, limit })
  }

  /**
   * match() for a text already added, from its stored signature (its own text need not be kept):
   * the text itself is among the answers.
   */
  matchStored(docId: string, options: MatchOptions = {}): TemplateMatch[] {
    const rules = { ...this.defaults, ...options }
    const doc = this.store.indexOf(docId)
    if (doc === undefined || (this.store.distinct[doc] ?? 0) < rules.minShingles) return []
    const frequentLimit = this.store.frequentLimit(rules.maxDocFrequency, rules.minFrequentCount)
    const limit = options.limit ?? 10
    return findMatchesOfStored(this.store, this.freshBands(), doc, {
      ...rules,
      frequentLimit,
      limit,
    })
  }

  /** The band orders, rebuilt once the texts added since outgrow a quarter of them (those are
   * scanned one by one), so a rebuild costs amortised O(1) per add. */
  private freshBands(): BandOrders {
    const built = this.bands?.count ?? 0
    if (!this.bands || this.store.count - built > Math.max(4096, built / 4)) {
      this.bands = buildBands(this.store)
    }
    return this.bands
  }
}
