// Brute-force cosine search over unit-length embeddings in one contiguous Float32Array: exact,
// and fast enough to about 100k voices per model. Past that, HnswVoiceIndex (hnswlib-node)
// answers instead; TieredVoiceIndex switches from one to the other as the library grows.
import { unitLength } from './cosine.js'

export type VoiceHit = { id: string; score: number }

/** What every voice index answers; scores are cosines of the stored embeddings. */
export type VoiceSearchIndex = {
  readonly dim: number
  readonly size: number
  has(id: string): boolean
  ids(): Iterable<string>
  add(id: string, embedding: Float32Array): void
  remove(id: string): boolean
  search(query: Float32Array, k?: number, minScore?: number): VoiceHit[]
}

export class VoiceIndex implements VoiceSearchIndex {
  private vectors: Float32Array
  private readonly idOfRow: string[] = []
  private readonly rowOf = new Map<string, number>()

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
    this.vectors = new Float32Array(dim * capacity)
  }

  get size(): number {
    return this.idOfRow.length
  }

  add(id: string, embedding: Float32Array): void {
    if (embedding.length !== this.dim) {
      throw new RangeError(`embedding of ${embedding.length} dimensions in an index of ${this.dim}`)
    }
    if ((this.idOfRow.length + 1) * this.dim > this.vectors.length) {
      const grown = new Float32Array(this.vectors.length * 2)
      grown.set(this.vectors)
      this.vectors = grown
    }
    if (this.rowOf.has(id)) this.remove(id)
    this.vectors.set(unitLength(embedding), this.idOfRow.length * this.dim)
    this.rowOf.set(id, this.idOfRow.length)
    this.idOfRow.push(id)
  }

  has(id: string): boolean {
    return this.rowOf.has(id)
  }

  ids(): Iterable<string> {
    return this.rowOf.keys()
  }

  /** Removes a voice by moving the last row into its place: O(dim), order is not kept. */
  remove(id: string): boolean {
    const row = this.rowOf.get(id)
    if (row === undefined) return false
    const last = this.idOfRow.length - 1
    const lastId = this.idOfRow[last]!
    if (row !== last) {
      this.vectors.copyWithin(row * this.dim, last * this.dim, (last + 1) * this.dim)
      this.idOfRow[row] = lastId
      this.rowOf.set(lastId, row)
    }
    this.idOfRow.pop()
    this.rowOf.delete(id)
    return true
  }

  /** Every stored voice, unit length: what an ANN index is built from when the library grows. */
  *entries(): Generator<[string, Float32Array]> {
    for (let row = 0; row < this.idOfRow.length; row++)
      yield [this.idOfRow[row]!, this.vectors.subarray(row * this.dim, (row + 1) * this.dim)]
  }

  /** The `k` closest voices scoring at least `minScore`, best first. */
  search(query: Float32Array, k = 5, minScore = -1): VoiceHit[] {
    const q = unitLength(query)
    const best: VoiceHit[] = []
    let floor = minScore
    for (let row = 0; row < this.idOfRow.length; row++) {
      const score = dot(q, this.vectors, row * this.dim)
      if (score < floor) continue
      best.push({ id: this.idOfRow[row]!, score })
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
