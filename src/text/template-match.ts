// One new text against the index: its signature is looked up in the band orders (plus the texts
// added since they were built), and every candidate is judged as in batch clustering.
import { minhashInto } from './minhash.js'
import {
  markFrequentSlots,
  verifiedSimilarity,
  type SimilarityRules,
  type SlotView,
} from './pair-similarity.js'
import type { SignatureStore } from './signature-store.js'
import { bandCandidates, type BandOrders } from './template-bands.js'

export type TemplateMatch = { docId: string; groupId: string; similarity: number }

export type MatchRules = SimilarityRules & { frequentLimit: number; limit: number }

/** Candidates read from one band, at least: the answer is the best few, and a flood of one
 * template fills every band's run with copies of it. */
const PER_BAND = 256

/** The stored texts similar to the shingle set `hashes`, best first, at most `rules.limit`. */
export function findMatches(
  store: SignatureStore,
  bands: BandOrders,
  hashes: Uint32Array,
  rules: MatchRules,
): TemplateMatch[] {
  const size = store.size
  const query = slotView(new Uint32Array(size), size, hashes.length)
  minhashInto(hashes, query.signatures, 0, size)
  return matchQuery(store, bands, query, rules)
}

/** The stored texts similar to stored text `doc` (itself among them), as findMatches. */
export function findMatchesOfStored(
  store: SignatureStore,
  bands: BandOrders,
  doc: number,
  rules: MatchRules,
): TemplateMatch[] {
  const size = store.size
  const signature = store.signatures.slice(doc * size, (doc + 1) * size)
  return matchQuery(store, bands, slotView(signature, size, store.distinct[doc] as number), rules)
}

function matchQuery(
  store: SignatureStore,
  bands: BandOrders,
  query: SlotView,
  rules: MatchRules,
): TemplateMatch[] {
  const size = store.size
  markFrequentSlots(query.signatures, 0, size, store.frequency, rules.frequentLimit, query.masks, 0)
  const candidates = bandCandidates(
    store,
    bands,
    query.signatures,
    Math.max(PER_BAND, 4 * rules.limit),
  )
  for (let doc = bands.count; doc < store.count; doc++) candidates.add(doc)
  const stored = slotView(store.signatures, size, 0)
  const matches: TemplateMatch[] = []
  for (const doc of candidates) {
    stored.offset = doc * size
    stored.distinct = store.distinct[doc] as number
    if (stored.distinct < rules.minShingles) continue
    markFrequentSlots(
      store.signatures,
      stored.offset,
      size,
      store.frequency,
      rules.frequentLimit,
      stored.masks,
      0,
    )
    const similarity = verifiedSimilarity(query, stored, size, rules)
    if (similarity < 0) continue
    matches.push({ docId: store.docIds[doc] as string, groupId: store.groupIdOf(doc), similarity })
  }
  matches.sort((a, b) => b.similarity - a.similarity || (a.docId < b.docId ? -1 : 1))
  return matches.slice(0, rules.limit)
}

function slotView(signatures: Uint32Array, size: number, distinct: number): SlotView {
  return { signatures, offset: 0, masks: new Uint32Array(size / 32), maskOffset: 0, distinct }
}
