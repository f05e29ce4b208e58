// Brute-force cosine search over unit-length embeddings in one contiguous Float32Array: exact,
// and fast enough to about 100k voices per model. Past that, an ANN index (HNSW via
// hnswlib-node, or pgvector's HNSW on PostgreSQL) answers top-k, then exact cosine re-ranks.
import { unitLength } from './cosine.js'

export type VoiceHit = { id: string; score: number }

export class VoiceIndex {
  private vectors: Float32Array
  private readonly ids: string[] = []

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
    this.vectors = new Float32Array(dim * capacity)
  }

  get size(): number {
    return this.ids.length
  }

  add(id: string, embedding: Float32Array): void {
    if (embedding.length !== this.dim) {
      throw new RangeError(`embedding of ${embedding.length} dimensions in an index of ${this.dim}`)
    }
    if ((this.ids.length + 1) * this.dim > this.vectors.length) {
      const grown = new Float32Array(this.vectors.length * 2)
      grown.set(this.vectors)
      this.vectors = grown
    }
    this.vectors.set(unitLength(embedding), this.ids.length * this.dim)
    this.ids.push(id)
  }

  /** The `k` closest voices scoring at least `minScore`, best first. */
  search(query: Float32Array, k = 5, minScore = -1): VoiceHit[] {
    const q = unitLength(query)
    const best: VoiceHit[] = []
    let floor = minScore
    for (let row = 0; row < this.ids.length; row++) {
      const score = dot(q, this.vectors, row * this.dim)
      if (score < floor) continue
      best.push({ id: this.ids[row]!, score })
      best.sort((a, b) => b.score - a.score)
      if (best.length > k) best.pop()
      if (best.length === k) floor = Math.max(minScore, best[k - 1]!.score)
    }
    return best
  }
}

/** q · vectors[base .. base + q.length), unrolled by four (dimensions are multiples of 4 in practice). */
function dot(q: Float32Array, vectors: Float32Array, base: number): number {
  const n = q.length
  let a = 0
  let b = 0
  let c = 0
  let d = 0
  let j = 0
  for (; j + 3 < n; j += 4) {
    a += q[j]! * vectors[base + j]!
    b += q[j + 1]! * vectors[base + j + 1]!
    c += q[j + 2]! * vectors[base + j + 2]!
    d += q[j + 3]! * vectors[base + j + 3]!
  }
  for (; j < n; j++) a += q[j]! * vectors[base + j]!
  return a + b + c + d
}
