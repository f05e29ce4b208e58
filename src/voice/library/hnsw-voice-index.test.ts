import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HnswVoiceIndex } from './hnsw-voice-index.js'
import { TieredVoiceIndex } from './tiered-voice-index.js'
import { VoiceIndex } from './voice-index.js'

const DIM = 32

/** Speakers as random centres, their calls as the centre plus a little noise. */
function speakers(n: number, seed = 3): Float32Array[] {
  let s = seed
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648 - 0.5
  }
  return Array.from({ length: n }, () => Float32Array.from({ length: DIM }, next))
}
const call = (centre: Float32Array, k: number): Float32Array =>
  centre.map((x, i) => x + 0.05 * Math.sin(k * 13 + i))

describe('HNSW voice index', () => {
  it('finds the same voices as brute force, forgets removed ones and reuses their slots', () => {
    const centres = speakers(500)
    const hnsw = new HnswVoiceIndex(DIM, 64)
    const exact = new VoiceIndex(DIM)
    centres.forEach((c, i) => {
      for (const k of [1, 2]) {
        hnsw.add(`s${i}-${k}`, call(c, k))
        exact.add(`s${i}-${k}`, call(c, k))
      }
    })
    expect(hnsw.size).toBe(1000)
    const query = call(centres[42]!, 3)
    expect(hnsw.search(query, 2).map((h) => h.id)).toEqual(exact.search(query, 2).map((h) => h.id))
    expect(hnsw.search(query, 1)[0]!.score).toBeCloseTo(exact.search(query, 1)[0]!.score, 5)
    expect(hnsw.remove('s42-1')).toBe(true)
    expect(exact.remove('s42-1')).toBe(true)
    expect(hnsw.search(query, 1)[0]!.id).toBe('s42-2')
    expect(exact.search(query, 1)[0]!.id).toBe('s42-2')
    hnsw.add('s42-9', call(centres[42]!, 9))
    expect(hnsw.size).toBe(1000)
    expect(
      hnsw
        .search(query, 5, 0.9)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['s42-2', 's42-9'])
  })

  it('writes the graph with its ids and reads it back at the next start', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'grayline-hnsw-')), 'calls.hnsw')
    const centres = speakers(50)
    const index = new HnswVoiceIndex(DIM)
    centres.forEach((c, i) => index.add(`v${i}`, c))
    index.remove('v7')
    await index.write(file)
    const loaded = await HnswVoiceIndex.read(file)
    expect(loaded?.size).toBe(49)
    expect(loaded?.has('v7')).toBe(false)
    expect(loaded?.search(centres[9]!, 1)[0]?.id).toBe('v9')
    expect(await HnswVoiceIndex.read(join(tmpdir(), 'no-such.hnsw'))).toBeNull()
  })

  it('searches exactly while small and moves to HNSW past the threshold', () => {
    const tiered = new TieredVoiceIndex(DIM, { annFrom: 100 })
    const centres = speakers(150)
    centres.slice(0, 99).forEach((c, i) => tiered.add(`v${i}`, c))
    expect(tiered.kind).toBe('exact')
    centres.slice(99).forEach((c, i) => tiered.add(`v${i + 99}`, c))
    expect(tiered.kind).toBe('hnsw')
    expect(tiered.size).toBe(150)
    expect(tiered.search(centres[120]!, 1)[0]?.id).toBe('v120')
    expect(tiered.search(centres[3]!, 1)[0]?.id).toBe('v3')
  })
})
