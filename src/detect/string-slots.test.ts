import { describe, expect, it } from 'vitest'
import { StringSlots } from './string-slots.js'

describe('StringSlots', () => {
  it('gives each added key the next slot and finds it again, past several table growths', () => {
    const keys: string[] = []
    const slots = new StringSlots((slot) => keys[slot])
    for (let i = 0; i < 50_000; i++) {
      const key = `CF${String(i * 7919).padStart(10, '0')}`
      keys.push(key)
      expect(slots.add(key)).toBe(i)
    }
    expect(slots.size).toBe(50_000)
    for (let i = 0; i < 50_000; i += 997) expect(slots.get(keys[i] as string)).toBe(i)
    expect(slots.get('CF0000000001')).toBeUndefined()
    expect(slots.has(keys[49_999] as string)).toBe(true)
  })

  it('takes keys with characters past one byte (ids as the spec allows them)', () => {
    const keys = ['客户-1', '客户-2', '👤-3']
    const slots = new StringSlots((slot) => keys[slot])
    keys.forEach((k) => slots.add(k))
    expect(keys.map((k) => slots.get(k))).toEqual([0, 1, 2])
    expect(slots.get('客户-3')).toBeUndefined()
  })
})
