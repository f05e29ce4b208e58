import { describe, expect, it } from 'vitest'
import { clusterWindows } from './clustering.js'

const around = (centre: number[], k: number): Float32Array =>
  Float32Array.from(centre, (x, i) => x + 0.1 * Math.sin(k * 7 + i))

describe('clustering speech windows', () => {
  it('groups windows of the same voice and keeps different voices apart at the threshold', () => {
    const a = [1, 0, 0, 0.2]
    const b = [0, 1, 0.1, 0]
    const c = [0, 0, 1, 1]
    const windows = [
      around(a, 1),
      around(a, 2),
      around(b, 3),
      around(a, 4),
      around(c, 5),
      around(b, 6),
    ]
    expect(clusterWindows(windows, 0.8)).toEqual([0, 0, 1, 0, 2, 1])
    expect(new Set(clusterWindows(windows, -1)).size).toBe(1)
    expect(clusterWindows([], 0.8)).toEqual([])
  })
})
