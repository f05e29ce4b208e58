import { describe, expect, it } from 'vitest'
import type { PreparedLine } from './line-preparation.js'
import { decodeChunk, encodeChunk } from './line-wire.js'

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

  it('hands over a chunk of rejections only', () => {
    expect(decodeChunk(encodeChunk([rejection]))).toEqual([rejection])
  })
})
