import { describe, expect, it } from 'vitest'
import { BAND_COUNT, bandKey, bandScratch, runOf, sortByBand } from './lsh-bands.js'
import { seededRandom } from './complaint-letters.fixture.js'

const SIZE = 64

function signatures(count: number): Uint32Array {
  const random = seededRandom(7)
  const out = Uint32Array.from({ length: count * SIZE }, () => Math.floor(random() * 2 ** 32))
  out.copyWithin(5 * SIZE, 2 * SIZE, 3 * SIZE) // text 5 is a copy of text 2
  return out
}

describe('sortByBand', () => {
  it('orders texts by band key, equal keys in ascending text order, and finds their run', () => {
    const count = 300
    const sigs = signatures(count)
    const order = new Uint32Array(count)
    const scratch = bandScratch(count)
    for (let band = 0; band < BAND_COUNT; band++) {
      sortByBand(sigs, SIZE, count, band, order, scratch)
      const keys = Array.from(order, (doc) => bandKey(sigs, doc * SIZE, band))
      expect(keys).toEqual([...keys].sort((a, b) => a - b))
      const [from, to] = runOf(sigs, SIZE, order, count, band, bandKey(sigs, 2 * SIZE, band), 10)
      expect(Array.from(order.subarray(from, to))).toEqual([2, 5])
    }
  })
})
