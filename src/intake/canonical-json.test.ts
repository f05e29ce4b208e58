import { describe, expect, it } from 'vitest'
import { canonicalJson, recordHash } from './canonical-json.js'

const record = {
  contact_id: 'K7',
  channel: 'call',
  received_at: '2026-03-02T09:15:00+08:00',
  customer_id: 'C7',
  caller: { role: 'self', phone: '13800138000', name: '王建国' },
  text: '申请"停息挂账"\n只还本金',
  demands: ['停息挂账', '减免'],
  attachments: [{ sha256: 'ab'.repeat(32), kind: 'poa' }],
  extra: undefined,
}

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order, drops undefined and escapes strings', () => {
    expect(canonicalJson(record)).toBe(
      '{"attachments":[{"kind":"poa","sha256":"' +
        'ab'.repeat(32) +
        '"}],"caller":{"name":"王建国","phone":"13800138000","role":"self"},"channel":"call","contact_id":"K7","customer_id":"C7","demands":["停息挂账","减免"],"received_at":"2026-03-02T09:15:00+08:00","text":"申请\\"停息挂账\\"\\n只还本金"}',
    )
  })

  it('is the same for the same record with its keys in another order', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse())
    reordered.caller = { name: '王建国', role: 'self', phone: '13800138000' }
    expect(canonicalJson(reordered)).toBe(canonicalJson(record))
    expect(canonicalJson({ a: [3, 1, 2] })).not.toBe(canonicalJson({ a: [1, 2, 3] }))
  })

  it('sorts integer-like keys as text and keeps a __proto__ key, as the first form did', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 2: 'y', a: { 1: true, z: null } })).toBe(
      '{"10":"x","2":"y","a":{"1":true,"z":null},"b":1}',
    )
    const parsed = JSON.parse('{"z":1,"__proto__":{"b":2,"a":1},"list":[{"d":4,"c":3}]}') as object
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"a":1,"b":2},"list":[{"c":3,"d":4}],"z":1}')
  })

  it('tells apart key lists that join to the same text', () => {
    // Same signature once joined with a NUL, different keys: each is ordered on its own.
    expect(canonicalJson({ 'b\u0000a': 1, c: 2 })).toBe('{"b\\u0000a":1,"c":2}')
    expect(canonicalJson({ b: 1, 'a\u0000c': 2 })).toBe('{"a\\u0000c":2,"b":1}')
    expect(canonicalJson({ 'b\u0000a': 3, c: 4 })).toBe('{"b\\u0000a":3,"c":4}')
  })

  it('matches a plain sorted-key writer on random nested records', () => {
    let seed = 7
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const names = ['a', 'b', 'phone', 'role', '0', '12', 'z', '名', 'x y']
    const make = (depth: number): unknown => {
      const pick = next(depth > 2 ? 3 : 5)
      if (pick === 0) return names[next(names.length)]
      if (pick === 1) return next(1000) / 7
      if (pick === 2) return next(2) ? null : true
      if (pick === 3) return Array.from({ length: next(4) }, () => make(depth + 1))
      const obj: Record<string, unknown> = {}
      for (let i = next(6); i > 0; i--) obj[names[next(names.length)] as string] = make(depth + 1)
      return obj
    }
    const plain = (v: unknown): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v)
      if (Array.isArray(v)) return `[${v.map(plain).join(',')}]`
      const o = v as Record<string, unknown>
      const keys = Object.keys(o).sort()
      return `{${keys.map((k) => `${JSON.stringify(k)}:${plain(o[k])}`).join(',')}}`
    }
    for (let i = 0; i < 2000; i++) {
      const value = make(0)
      expect(canonicalJson(value)).toBe(plain(value))
    }
  })

  it('hashes as stores written by earlier versions did, so re-importing them stays a no-op', () => {
    // The hash this record got from the first canonical form (stored in record_hash columns).
    expect(recordHash(record)).toBe('X41I5F7O4fkWzQH_n5BDyjRyDYQ')
  })
})
