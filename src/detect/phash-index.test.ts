import { describe, expect, it } from 'vitest'
import { PhashIndex } from './phash-index.js'

describe('PhashIndex', () => {
  it('finds hashes within the distance and not beyond it', () => {
    const index = new PhashIndex()
    index.add('f579eefa24dd0770', 1)
    index.add('f579eefa24dd0771', 2) // 1 bit away
    index.add('f579eefa24dd07ff', 3) // 5 bits away (0x70 -> 0xff)
    index.add('0a86110580228f8f', 4) // the complement: 64 bits away
    const near = index
      .near('f579eefa24dd0770', 4)
      .map((m) => m.owner)
      .sort()
    expect(near).toEqual([1, 2])
    expect(
      index
        .near('f579eefa24dd0770', 6)
        .map((m) => [m.owner, m.distance])
        .sort(),
    ).toEqual([
      [1, 0],
      [2, 1],
      [3, 5],
    ])
  })

  it('answers again after a new hash arrives', () => {
    const index = new PhashIndex()
    index.add('00000000000000ff', 1)
    expect(index.near('00000000000000fe', 2)).toHaveLength(1)
    index.add('00000000000000fc', 2)
    expect(index.near('00000000000000fe', 2)).toHaveLength(2)
  })
})
