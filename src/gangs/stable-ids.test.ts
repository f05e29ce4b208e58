import { describe, expect, it } from 'vitest'
import { assignGangIds, newGangId } from './stable-ids.js'

const people = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `customer:C${from + i}`)

describe('stable gang ids', () => {
  const first = assignGangIds([people(1, 10), people(20, 25)], [])
  const [a, b] = first.ids as [string, string]
  const previous = [
    { gangId: a, persons: people(1, 10) },
    { gangId: b, persons: people(20, 25) },
  ]

  it('gives new gangs reproducible ids derived from their first member', () => {
    expect(first.created).toEqual([a, b])
    expect(a).toBe(newGangId(people(1, 10), new Set()))
    expect(a).toMatch(/^TH-[0-9a-f]{10}$/)
  })

  it('keeps the id when customers join or leave', () => {
    const next = assignGangIds([people(2, 14), people(20, 24)], previous)
    expect(next.ids).toEqual([a, b])
    expect(next.created).toEqual([])
  })

  it('keeps the id in the larger part of a split; the other part is a new gang', () => {
    const next = assignGangIds([people(1, 4), people(5, 10)], previous.slice(0, 1))
    expect(next.ids[1]).toBe(a)
    expect(next.ids[0]).not.toBe(a)
    expect(next.created).toEqual([next.ids[0]])
  })

  it('keeps the id of the larger of two merged gangs and records the other as merged into it', () => {
    const next = assignGangIds([[...people(1, 10), ...people(20, 25)]], previous)
    expect(next.ids).toEqual([a])
    expect(next.merged).toEqual([{ gangId: b, into: a }])
  })

  it('dissolves a gang whose members are no longer a gang, and never reuses an id in use', () => {
    const next = assignGangIds([people(1, 10)], previous, new Set([a, b]))
    expect(next.dissolved).toEqual([b])
    const clash = assignGangIds(
      [people(20, 22)],
      [],
      new Set([newGangId(people(20, 22), new Set())]),
    )
    expect(clash.ids[0]).toMatch(/-2$/)
  })
})
