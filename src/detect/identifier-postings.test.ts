import { describe, expect, it } from 'vitest'
import { IdentifierPostings } from './identifier-postings.js'

/** A seeded generator: the same contacts on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('identifier postings', () => {
  it('counts the customers around a call being screened as a scan of every contact would', () => {
    const random = seeded(7)
    const DAY = 86_400_000
    const window = 30 * DAY
    const contacts = Array.from({ length: 400 }, () => ({
      time: Math.floor(random() * 365) * DAY,
      customer: random() < 0.1 ? null : `C${Math.floor(random() * 60)}`,
    }))
    const facts = {
      time: (i: number) => contacts[i]?.time ?? 0,
      customer: (i: number) => contacts[i]?.customer ?? null,
    }
    const postings = new IdentifierPostings()
    // Added out of time order, as a history reload and a late import can.
    contacts.forEach((_, i) => postings.add('phone:+8613800000000', i))
    postings.add('phone:+8613900000000', 3)
    for (let probe = 0; probe < 200; probe++) {
      const time = Math.floor(random() * 400) * DAY - 10 * DAY
      const customerId = probe % 3 === 0 ? null : `C${probe % 70}`
      for (const [phone, list] of [
        ['phone:+8613800000000', contacts.map((_, i) => i)],
        ['phone:+8613900000000', [3]],
      ] as const) {
        const expected = new Set(customerId ? [customerId] : [])
        for (const i of list)
          if (facts.customer(i) && Math.abs(facts.time(i) - time) <= window)
            expected.add(facts.customer(i) as string)
        const got = postings.customersAround(phone, { idx: -1, time, customerId }, window, facts)
        expect(got, `${phone} at day ${time / DAY}`).toBe(expected.size)
      }
    }
  })

  it('counts a new contact of the number at the next call, and each caller’s own customer once', () => {
    const DAY = 86_400_000
    const contacts = [
      { time: 10 * DAY, customer: 'C1' },
      { time: 11 * DAY, customer: 'C2' },
      { time: 12 * DAY, customer: 'C2' },
    ]
    const facts = {
      time: (i: number) => contacts[i]?.time ?? 0,
      customer: (i: number) => contacts[i]?.customer ?? null,
    }
    const postings = new IdentifierPostings()
    const phone = 'phone:+8613700000000'
    contacts.forEach((_, i) => postings.add(phone, i))
    const call = (customerId: string | null) =>
      postings.customersAround(phone, { idx: -1, time: 13 * DAY, customerId }, 30 * DAY, facts)
    expect(call(null)).toBe(2)
    expect(call('C1')).toBe(2)
    expect(call('C9')).toBe(3)
    contacts.push({ time: 12.5 * DAY, customer: 'C3' })
    postings.add(phone, 3)
    expect(call(null)).toBe(3)
    expect(call('C9')).toBe(4)
  })
})
