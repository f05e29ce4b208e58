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

  it('hashes as stores written by earlier versions did, so re-importing them stays a no-op', () => {
    // The hash this record got from the first canonical form (stored in record_hash columns).
    expect(recordHash(record)).toBe('X41I5F7O4fkWzQH_n5BDyjRyDYQ')
  })
})
