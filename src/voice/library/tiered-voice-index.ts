// Exact brute force while the library is small, HNSW once it passes `annFrom` voices (100k by
// default, GRAYLINE_VOICE_ANN_FROM): below that an exact scan is fast enough and has no recall
// loss; above it the scan grows linearly (830 ms p99 at 1M) and the graph does not.
import { HnswVoiceIndex } from './hnsw-voice-index.js'
import type { HnswOptions } from './hnsw-voice-index.js'
import { VoiceIndex } from './voice-index.js'
import type { VoiceHit, VoiceSearchIndex } from './voice-index.js'

export const DEFAULT_ANN_FROM = 100_000

export type TierOptions = HnswOptions & { annFrom?: number }

export function annFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.GRAYLINE_VOICE_ANN_FROM)
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_ANN_FROM
}

export class TieredVoiceIndex implements VoiceSearchIndex {
  private index: VoiceSearchIndex
  private readonly annFrom: number

  constructor(
    readonly dim: number,
    private readonly options: TierOptions = {},
    start?: HnswVoiceIndex,
  ) {
    this.annFrom = options.annFrom ?? annFromEnv()
    this.index = start ?? new VoiceIndex(dim)
  }

  get kind(): 'exact' | 'hnsw' {
    return this.index instanceof HnswVoiceIndex ? 'hnsw' : 'exact'
  }

  get size(): number {
    return this.index.size
  }

  /** The HNSW graph when the library has grown into it: what a restart can load. */
  get hnsw(): HnswVoiceIndex | null {
    return this.index instanceof HnswVoiceIndex ? this.index : null
  }

  has(id: string): boolean {
    return this.index.has(id)
  }

  ids(): Iterable<string> {
    return this.index.ids()
  }

  add(id: string, embedding: Float32Array): void {
    this.index.add(id, embedding)
    if (this.index instanceof VoiceIndex && this.index.size >= this.annFrom)
      this.promote(this.index)
  }

  remove(id: string): boolean {
    return this.index.remove(id)
  }

  search(query: Float32Array, k = 5, minScore = -1): VoiceHit[] {
    return this.index.search(query, k, minScore)
  }

  private promote(exact: VoiceIndex): void {
    const graph = new HnswVoiceIndex(this.dim, Math.ceil(exact.size * 1.5), this.options)
    for (const [id, embedding] of exact.entries()) graph.add(id, embedding)
    this.index = graph
  }
}
