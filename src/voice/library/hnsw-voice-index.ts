// Approximate search over a large voice library with HNSW (hnswlib-node): inner product on
// unit-length embeddings, so 1 - distance is the cosine itself and needs no re-ranking.
// Labels are small integers; the ids they stand for are kept beside the index and written
// with it, so that a restart loads the graph instead of rebuilding it.
import { readFile, rename, writeFile } from 'node:fs/promises'
import hnswlib from 'hnswlib-node'
import type { HierarchicalNSW } from 'hnswlib-node'
import { unitLength } from './cosine.js'
import type { VoiceHit, VoiceSearchIndex } from './voice-index.js'

export type HnswOptions = {
  /** Graph degree. */
  m?: number
  /** Candidates examined per insertion: the build's cost grows with it. */
  efConstruction?: number
  /** Candidates examined per search; raised to k when k is larger. */
  efSearch?: number
}

// A light graph to build (1M voices: 6 min on a quiet core, 49 min on the loaded shared machine)
// and a wide search to make up for it. On isotropic random speakers, the hardest case for a graph
// (nothing leads towards a speaker's calls but the calls themselves), same-speaker recall at 1M
// was 0.50 at efSearch 96, 0.71 at 512, 0.83 at 1024 and 0.90 at 2048 (p50 7.9 ms, p99 22 ms):
// bench/voice-search-bench.ts. Within the 50 ms budget, recall wins.
const DEFAULTS = {
  m: 12,
  efConstruction: 48,
  efSearch: Number(process.env.GRAYLINE_VOICE_HNSW_EF) || 2048,
}

export class HnswVoiceIndex implements VoiceSearchIndex {
  private readonly graph: HierarchicalNSW
  private idOfLabel: (string | null)[] = []
  private readonly labelOf = new Map<string, number>()
  private readonly freeLabels: number[] = []
  /** Candidates examined per search (GRAYLINE_VOICE_HNSW_EF): recall bought with time. */
  efSearch: number

  constructor(
    readonly dim: number,
    capacity = 1024,
    options: HnswOptions = {},
  ) {
    const o = { ...DEFAULTS, ...options }
    this.graph = new hnswlib.HierarchicalNSW('ip', dim)
    this.graph.initIndex({
      maxElements: Math.max(16, capacity),
      m: o.m,
      efConstruction: o.efConstruction,
      allowReplaceDeleted: true,
    })
    this.efSearch = o.efSearch
  }

  get size(): number {
    return this.labelOf.size
  }

  has(id: string): boolean {
    return this.labelOf.has(id)
  }

  ids(): Iterable<string> {
    return this.labelOf.keys()
  }

  add(id: string, embedding: Float32Array): void {
    if (embedding.length !== this.dim)
      throw new RangeError(`embedding of ${embedding.length} dimensions in an index of ${this.dim}`)
    this.remove(id)
    const point = Array.from(unitLength(embedding))
    // A deleted slot is reused in place, so deletions never grow the graph.
    const reused = this.freeLabels.pop()
    if (reused !== undefined) {
      this.graph.addPoint(point, reused, true)
      this.idOfLabel[reused] = id
      this.labelOf.set(id, reused)
      return
    }
    const label = this.idOfLabel.length
    if (label >= this.graph.getMaxElements()) this.graph.resizeIndex(Math.ceil(label * 1.5) + 16)
    this.graph.addPoint(point, label)
    this.idOfLabel.push(id)
    this.labelOf.set(id, label)
  }

  remove(id: string): boolean {
    const label = this.labelOf.get(id)
    if (label === undefined) return false
    this.graph.markDelete(label)
    this.idOfLabel[label] = null
    this.labelOf.delete(id)
    this.freeLabels.push(label)
    return true
  }

  search(query: Float32Array, k = 5, minScore = -1): VoiceHit[] {
    if (this.size === 0) return []
    const n = Math.min(k, this.size)
    this.graph.setEf(Math.max(this.efSearch, n))
    const found = this.graph.searchKnn(Array.from(unitLength(query)), n)
    const hits: VoiceHit[] = []
    found.neighbors.forEach((label, i) => {
      const id = this.idOfLabel[label]
      const score = 1 - found.distances[i]!
      if (id != null && score >= minScore) hits.push({ id, score })
    })
    return hits.sort((a, b) => b.score - a.score)
  }

  /** Writes the graph and its ids (FILE and FILE.ids.json), each through a temporary file. */
  async write(file: string): Promise<void> {
    await this.graph.writeIndex(`${file}.tmp`)
    await writeFile(`${file}.ids.json.tmp`, JSON.stringify({ dim: this.dim, ids: this.idOfLabel }))
    await rename(`${file}.tmp`, file)
    await rename(`${file}.ids.json.tmp`, `${file}.ids.json`)
  }

  /** Loads what write() wrote; null when the files are missing or do not belong together. */
  static async read(file: string, options: HnswOptions = {}): Promise<HnswVoiceIndex | null> {
    let saved: { dim: number; ids: (string | null)[] }
    try {
      saved = JSON.parse(await readFile(`${file}.ids.json`, 'utf8')) as typeof saved
    } catch {
      return null
    }
    const index = new HnswVoiceIndex(saved.dim, 16, options)
    try {
      await index.graph.readIndex(file, true)
    } catch {
      return null
    }
    if (index.graph.getCurrentCount() !== saved.ids.length) return null
    index.idOfLabel = saved.ids
    saved.ids.forEach((id, label) => {
      if (id == null) index.freeLabels.push(label)
      else index.labelOf.set(id, label)
    })
    return index
  }
}
