import { describe, expect, it } from 'vitest'
import { FirstLines } from './first-lines.js'

describe('FirstLines', () => {
  it('answers the first line of every key, as a Map would, through many resizes', () => {
    const index = new FirstLines()
    const map = new Map<string, number>()
    const keys = ['', 'K1', 'k1', 'K10', '客户-甲', '😀', 'x'.repeat(300)]
    for (let i = 0; i < 50_000; i++) keys.push(`K${(i * 7919) % 30_011}`)
    keys.forEach((key, i) => {
      const line = i + 1
      expect(index.firstLine(key, line)).toBe(map.get(key))
      if (!map.has(key)) map.set(key, line)
    })
  })
})
