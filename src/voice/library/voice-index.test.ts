import { describe, expect, it } from 'vitest'
import { decodeEmbedding, encodeEmbedding } from './embedding-codec.js'
import { VoiceIndex } from './voice-index.js'

describe('voice index', () => {
  it('returns the closest voices best first, above the minimum score, across growth', () => {
    const index = new VoiceIndex(3, 1)
    index.add('a', Float32Array.of(1, 0, 0))
    index.add('b', Float32Array.of(0.9, 0.1, 0))
    index.add('c', Float32Array.of(0, 1, 0))
    index.add('d', Float32Array.of(0, 0, 5))
    const hits = index.search(Float32Array.of(2, 0, 0), 2)
    expect(hits.map((h) => h.id)).toEqual(['a', 'b'])
    expect(hits[0]!.score).toBeCloseTo(1)
    expect(index.search(Float32Array.of(0, 0, 1), 5, 0.5).map((h) => h.id)).toEqual(['d'])
    expect(() => index.add('e', Float32Array.of(1, 2))).toThrow(/2 dimensions in an index of 3/)
  })

  it('stores embeddings as text and reads them back exactly', () => {
    const embedding = Float32Array.from({ length: 192 }, (_, i) => Math.sin(i) / 3)
    expect(decodeEmbedding(encodeEmbedding(embedding))).toEqual(embedding)
  })
})
