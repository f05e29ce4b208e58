import { describe, expect, it } from 'vitest'
import type { PreparedLine } from './line-preparation.js'
import { decodeChunk, encodeChunk, transferOf } from './line-wire.js'

const record: PreparedLine = {
  line: 3,
  bytes: 412,
  record: {
    key: 'K-20260301-0001',
    hash: 'q1QmGm0d3k0d9n3o6Qx5w3y2Z0A',
    json: '{"contact_id":"K-20260301-0001","channel":"call"}',
    columns: { contact_id: 'K-20260301-0001', channel: 'call', source: null, version_hint: 2 },
    links: [
      {
        identifier: 'phone:+8613812345678',
        kind: 'phone',
        value: '+8613812345678',
        valid: true,
        role: 'caller',
      },
      {
        identifier: 'phone:invalid:12',
        kind: 'phone',
        value: 'invalid:12',
        valid: false,
        role: 'claimed',
      },
    ],
  },
}

const rejection: PreparedLine = {
  line: 4,
  bytes: 20,
  rejection: { field: 'received_at', reason: 'received_at: required field is missing', raw: '{}' },
}

describe('line wire', () => {
  it('hands records and rejections across as they were prepared, in order', () => {
    const chunk = [
      record,
      rejection,
      { ...record, line: 5 },
      { ...rejection, rejection: { ...rejection.rejection, field: null } },
    ]
    expect(decodeChunk(structuredClone(encodeChunk(chunk)))).toEqual(chunk)
  })

  it('keeps a link that is not kind:value, and records without a key column, as they were', () => {
    const odd: PreparedLine = {
      line: 9,
      bytes: 40,
      record: {
        key: 'W1|list',
        hash: 'h',
        json: '{}',
        columns: { kind: 'phone', label: null },
        links: [
          { identifier: 'phone:+861', kind: 'phone', value: '+862', valid: true, role: 'caller' },
          {
            identifier: 'x:y',
            kind: 'x' as 'phone',
            value: 'y',
            valid: false,
            role: 'z' as 'caller',
          },
        ],
      },
    }
    expect(decodeChunk(structuredClone(encodeChunk([odd, odd])))).toEqual([odd, odd])
  })

  it('moves records whose JSON came as bytes in one buffer, and makes their text only when asked', () => {
    const json = (i: number) => `{"contact_id":"K${i}","text":"客户来电咨询还款计划${i}"}`
    const fromBytes = (i: number): PreparedLine => {
      if (!('record' in record)) throw new Error('a record')
      const bytes = Buffer.from(json(i))
      return { ...record, line: i, record: { ...record.record, json: json(i), jsonBytes: bytes } }
    }
    // Enough records to grow the chunk's text buffer past its first size.
    const chunk = [...Array.from({ length: 2500 }, (_, i) => fromBytes(i)), record, rejection]
    const wire = encodeChunk(chunk)
    expect(transferOf(wire)).toEqual([wire.text.buffer])
    const decoded = decodeChunk(structuredClone(wire, { transfer: transferOf(wire) }))
    expect(decoded).toHaveLength(chunk.length)
    for (const [i, line] of decoded.entries()) {
      const sent = chunk[i]!
      expect(line.line).toBe(sent.line)
      if (!('record' in line) || !('record' in sent)) {
        expect(line).toEqual(sent)
        continue
      }
      const { key, hash, columns, links, json, jsonBytes } = line.record
      const s = sent.record
      expect({ key, hash, columns, links }).toEqual({ ...s, json: undefined, jsonBytes: undefined })
      expect(json).toBe(s.json)
      expect(jsonBytes && Buffer.from(jsonBytes).toString()).toBe(sent.record.jsonBytes && json)
    }
  })

  it('hands over a chunk of rejections only', () => {
    expect(decodeChunk(encodeChunk([rejection]))).toEqual([rejection])
  })
})
