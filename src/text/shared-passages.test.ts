import { describe, expect, it } from 'vitest'
import { buildBorrower, fillLetter, POWER_OF_ATTORNEY_LETTER } from './complaint-letters.fixture.js'
import { sharedPassages } from './shared-passages.js'

function expectEqualPassages(a: string, b: string, minLength = 6): [number, number][] {
  const shared = sharedPassages(a, b, minLength)
  expect(shared.a).toHaveLength(shared.b.length)
  shared.a.forEach(([start, end], i) => {
    const [bStart, bEnd] = shared.b[i] as [number, number]
    expect(end - start).toBeGreaterThanOrEqual(minLength)
    expect(a.slice(start, end)).toBe(b.slice(bStart, bEnd))
  })
  return shared.a
}

function expectDisjoint(ranges: [number, number][]): void {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0])
  sorted
    .slice(1)
    .forEach(([start], i) =>
      expect(start).toBeGreaterThanOrEqual((sorted[i] as [number, number])[1]),
    )
}

describe('sharedPassages', () => {
  it('returns ranges that are equal substrings of both texts, longest first', () => {
    const a = '本人张伟,现要求贵司立即停止催收并办理停息挂账,否则将向监管投诉。'
    const b = '我叫陈静。否则将向监管投诉!现要求贵司立即停止催收并办理停息挂账'
    const ranges = expectEqualPassages(a, b)
    expect(ranges.map(([s, e]) => a.slice(s, e))).toEqual([
      '现要求贵司立即停止催收并办理停息挂账',
      '否则将向监管投诉',
    ])
  })

  it('never uses a character twice on either side', () => {
    const a = '请尽快处理请尽快处理请尽快处理'
    const b = '请尽快处理请尽快处理'
    const shared = sharedPassages(a, b, 3)
    expectDisjoint(shared.a)
    expectDisjoint(shared.b)
    expect(shared.b.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(b.length)
  })

  it('covers most of two copies of a template letter and nothing below the minimum length', () => {
    const a = fillLetter(POWER_OF_ATTORNEY_LETTER, buildBorrower(1))
    const b = fillLetter(POWER_OF_ATTORNEY_LETTER, buildBorrower(2), { reorder: [3, 4] })
    const ranges = expectEqualPassages(a, b)
    expectDisjoint(ranges)
    expect(ranges.reduce((sum, [s, e]) => sum + e - s, 0)).toBeGreaterThan(a.length * 0.8)
    expect(sharedPassages('催收电话太多了', '利息太高了')).toEqual({ a: [], b: [] })
  })
})
