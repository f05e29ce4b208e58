// Batch clustering: band runs → candidate pairs → verification on signatures → union-find, then
// only components that speak for enough different customers are kept as templates.
import { fnv1a } from './hash.js'
import {
  describedSimilarity,
  verifiedSimilarity,
  type SimilarityRules,
  type SlotView,
} from './pair-similarity.js'
import type { SignatureStore } from './signature-store.js'
import { BAND_ROWS } from './lsh-bands.js'
import { buildBands, type BandOrders } from './template-bands.js'
import { UnionFind } from './union-find.js'

export type TemplateCluster = {
  /** Stable while the smallest member stays: derived from the smallest docId. */
  id: string
  docIds: string[]
  /** Distinct customers (groupIds) the texts speak for. */
  groups: number
  /** The member most similar to the others (medoid of a sample). */
  representative: string
  /** Mean similarity of the members to the representative. */
  meanSimilarity: number
}

export type ClusterRules = SimilarityRules & {
  minGroups: number
  minShingles: number
  /** Least mean similarity across the roots when a pair links two groups of texts. */
  mergeThreshold: number
  /** Members of a band run each compared with the run's first and this many predecessors. */
  neighbours: number
}

export type ClusterResult = {
  clusters: TemplateCluster[]
  clusterOfDoc: Int32Array
  bands: BandOrders
}

type Linking = { store: SignatureStore; masks: Uint32Array; rules: ClusterRules; sets: UnionFind }

const viewA: SlotView = {
  signatures: new Uint32Array(0),
  offset: 0,
  masks: new Uint32Array(0),
  maskOffset: 0,
  distinct: 0,
}
const viewB: SlotView = { ...viewA }

export function findClusters(
  store: SignatureStore,
  rules: ClusterRules,
  frequentLimit: number,
): ClusterResult {
  const linking: Linking = {
    store,
    masks: store.frequentMasks(frequentLimit),
    rules,
    sets: new UnionFind(store.count),
  }
  const bands = buildBands(store, (order, from, to, band) => {
    // a run that agrees only on stock phrases can link long near-copies (strong path) only
    const stock = stockBand(linking, order[from] as number, band)
    linkRun(linking, order, from, to, stock ? 2 * rules.minShingles : rules.minShingles)
  })
  const clusters = collectClusters(linking)
  const clusterOfDoc = new Int32Array(store.count).fill(-1)
  clusters.forEach((cluster, index) => {
    for (const docId of cluster.docIds) clusterOfDoc[store.indexOf(docId) as number] = index
  })
  return { clusters, clusterOfDoc, bands }
}

/**
 * Whether all rows of a band sampled frequent shingles. Short texts agreeing only on stock phrases
 * are never verified yet make the largest runs; every member of a run has the same band, so the
 * first member answers for all.
 */
function stockBand(linking: Linking, doc: number, band: number): boolean {
  const { store, masks } = linking
  const firstSlot = band * BAND_ROWS
  const word = masks[doc * (store.size / 32) + (firstSlot >>> 5)] as number
  const rows = (1 << BAND_ROWS) - 1
  return ((word >>> (firstSlot & 31)) & rows) === rows
}

/** Caps work in huge runs (a shingle everyone samples): each member meets the run's first
 * informative member and a few predecessors, never all pairs. */
function linkRun(
  linking: Linking,
  order: Uint32Array,
  from: number,
  to: number,
  minDistinct: number,
): void {
  const { store, rules } = linking
  let anchor = -1
  const previous: number[] = []
  for (let i = from; i < to; i++) {
    const doc = order[i] as number
    if ((store.distinct[doc] as number) < minDistinct) continue
    if (anchor < 0) anchor = doc
    else if (!tryLink(linking, doc, anchor)) {
      for (let r = previous.length - 1; r >= 0; r--) {
        if (tryLink(linking, doc, previous[r] as number)) break
      }
    }
    previous.push(doc)
    if (previous.length > rules.neighbours) previous.shift()
  }
}

/**
 * Links a verified pair. Joining two groups of texts needs more witnesses: the mean similarity of
 * the pair and across the roots (rootA–rootB, a–rootB, b–rootA) must pass too. One estimate that
 * lands above the threshold by sampling noise must not chain two letters that merely share a few
 * paragraphs (single-link clustering's weakness); a mean of three estimates is steadier.
 */
function tryLink(linking: Linking, a: number, b: number): boolean {
  const { sets } = linking
  const rootA = sets.find(a)
  const rootB = sets.find(b)
  if (rootA === rootB) return true
  if (!similar(linking, a, b)) return false
  const bothGroups = sets.sizeOf(rootA) > 1 && sets.sizeOf(rootB) > 1
  if (bothGroups && !sameLetter(linking, [rootA, rootB], [a, rootB], [b, rootA])) return false
  sets.union(rootA, rootB)
  return true
}

function sameLetter(linking: Linking, ...pairs: [number, number][]): boolean {
  const { store, masks, rules } = linking
  const total = pairs.reduce((sum, [a, b]) => {
    const viewOfA = store.view(a, masks, viewA)
    return (
      sum +
      describedSimilarity(viewOfA, store.view(b, masks, viewB), store.size, rules.frequentWeight)
    )
  }, 0)
  return total / pairs.length >= rules.mergeThreshold
}

function similar(linking: Linking, a: number, b: number): boolean {
  const { store, masks, rules } = linking
  const viewOfA = store.view(a, masks, viewA)
  return verifiedSimilarity(viewOfA, store.view(b, masks, viewB), store.size, rules) >= 0
}

/** Components with at least `minGroups` members, kept when they span `minGroups` customers. */
function collectClusters(linking: Linking): TemplateCluster[] {
  const { store, rules, sets } = linking
  const members = new Map<number, number[]>()
  for (let doc = 0; doc < store.count; doc++) {
    const root = sets.find(doc)
    if (sets.sizeOf(root) < rules.minGroups) continue
    const list = members.get(root)
    if (list) list.push(doc)
    else members.set(root, [doc])
  }
  const clusters: TemplateCluster[] = []
  for (const docs of members.values()) {
    const groups = new Set(docs.map((doc) => store.groupOf[doc])).size
    if (groups >= rules.minGroups) clusters.push(describeCluster(linking, docs, groups))
  }
  return clusters.sort((a, b) => b.docIds.length - a.docIds.length || (a.id < b.id ? -1 : 1))
}

const SAMPLE = 16

function describeCluster(linking: Linking, docs: number[], groups: number): TemplateCluster {
  const { store, masks } = linking
  const similarity = (a: number, b: number) =>
    describedSimilarity(
      store.view(a, masks, viewA),
      store.view(b, masks, viewB),
      store.size,
      linking.rules.frequentWeight,
    )
  const step = Math.max(1, Math.floor(docs.length / SAMPLE))
  const sample = docs.filter((_, i) => i % step === 0).slice(0, SAMPLE)
  let representative = docs[0] as number
  let best = -1
  for (const candidate of sample) {
    const total = sample.reduce(
      (sum, other) => sum + (other === candidate ? 0 : similarity(candidate, other)),
      0,
    )
    if (total > best) [best, representative] = [total, candidate]
  }
  const others = docs.filter((doc) => doc !== representative)
  const meanSimilarity =
    others.reduce((sum, doc) => sum + similarity(representative, doc), 0) / others.length
  const docIds = docs.map((doc) => store.docIds[doc] as string).sort()
  return {
    id: clusterId(docIds[0] as string),
    docIds,
    groups,
    representative: store.docIds[representative] as string,
    meanSimilarity,
  }
}

/** 64 bits from two FNV-1a runs over the smallest docId: unique enough across a corpus's clusters. */
function clusterId(smallestDocId: string): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0')
  return `tpl-${hex(fnv1a(smallestDocId))}${hex(fnv1a(`template:${smallestDocId}`))}`
}
