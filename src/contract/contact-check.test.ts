import { describe, expect, it } from 'vitest'
import { validateLine } from '../intake/validate-line.js'
import { checkContact } from './contact-check.js'
import { contactSchema } from './interchange.js'

const sha = 'ab'.repeat(32)

/** Every field of the schema, nested ones too, and fields of no schema's. */
const full = {
  contact_id: 'K1',
  channel: 'call',
  source: 'hotline',
  received_at: '2026-03-02T09:15:00+08:00',
  customer_id: 'C1',
  claimed: { name: '王芳', id_number: '110105198511220011', phone: '13800138000', x: 1 },
  caller: {
    phone: '+86-13700137000',
    name: '赵律',
    role: 'lawyer',
    organization: '某某律师事务所',
    relation_claimed: '代理人',
    email: 'a@b.cn',
    wechat: 'wx_1',
    extra: [1, { y: 2 }],
  },
  participants: [{ phone: '13900139000', role: 'agent' }, { name: '李' }],
  text: '客户来电咨询还款计划，希望延期几天还款。',
  demands: ['停息挂账', '减免'],
  attachments: [
    { kind: 'poa', sha256: sha, filename: 'a.pdf', phash: 'a1b2c3d4', path: '/x', more: true },
  ],
  audio: { path: '/a.wav', sha256: sha, sample_rate: 8000, channels: 1 },
  network: { ip: '10.1.2.3', device_id: 'dev-1' },
  regulator_ref: 'R-1',
  label_note: '不在约定之内',
}

/** Values a field is tried with in place of its own. */
const variants: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'call',
  'lawyer',
  'poa',
  'x'.repeat(64),
  'x'.repeat(65),
  'y'.repeat(129),
  'z'.repeat(201),
  'ab'.repeat(32),
  'AB'.repeat(32),
  'ab'.repeat(33),
  'g'.repeat(64),
  'a1b2c3d',
  'a1b2c3d4',
  '2026-03-02',
  '2026-03-02 09:15',
  '2026-03-02T09:15:00.123456Z',
  '2026-13-02T09:15:00Z',
  '2026-02-30T09:15:00Z',
  'yesterday',
  0,
  1,
  -1,
  1.5,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Infinity,
  NaN,
  true,
  [],
  ['a'],
  [{}],
  [{ kind: 'poa', sha256: sha }],
  Array.from({ length: 51 }, () => 'd'),
  {},
  { path: '/p' },
  { kind: 'poa', sha256: sha },
]

type Path = (string | number)[]

/** The paths of every value in the record, objects and arrays included. */
function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at]
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return [at, ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...at, k]))]
}

function withValue(record: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>
  let o = copy
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (value === undefined && !Array.isArray(o)) delete o[last]
  else o[last] = value
  return copy
}

/** The parse both ways: the same outcome, and when the check decides, the same record. */
function expectSame(value: unknown): boolean {
  const checked = checkContact(value)
  const parsed = contactSchema.safeParse(value)
  if (checked === undefined) return false
  expect(parsed.success).toBe(true)
  // Key order included: the stored text is JSON.stringify of the record.
  expect(JSON.stringify(checked)).toBe(JSON.stringify(parsed.data))
  expect(checked).toStrictEqual(parsed.data)
  return true
}

describe('checkContact', () => {
  it('gives what contactSchema gives for a full contact, a bare one and one in another key order', () => {
    const bare = { contact_id: 'K2', channel: 'app_feedback', received_at: '2026-03-02T01:15:00Z' }
    const reordered = Object.fromEntries(Object.entries(full).reverse())
    for (const c of [full, bare, reordered]) expect(expectSame(c)).toBe(true)
    expect(Object.keys(checkContact(reordered)!)[0]).toBe('contact_id')
  })

  it('never takes what zod rejects, and gives zod’s record for what it takes, field by field', () => {
    let decided = 0
    let tried = 0
    for (const path of paths(full).filter((p) => p.length)) {
      for (const v of variants) {
        tried++
        if (expectSame(withValue(full, path, v))) decided++
      }
    }
    // Most variants are rejections left to zod; the checks above hold for all that it decides.
    expect(decided).toBeGreaterThan(tried / 10)
  })

  it('leaves unusual keys to zod: __proto__, a key held undefined', () => {
    const proto = JSON.parse(
      '{"contact_id":"K1","channel":"call","received_at":"2026-03-02T09:15:00Z","__proto__":{"a":1}}',
    ) as unknown
    expect(checkContact(proto)).toBeUndefined()
    expect(checkContact({ ...full, source: undefined })).toBeUndefined()
    expect(expectSame({ ...full, 7: 'seven', '01': 'x' })).toBe(true)
  })

  it('validates a line to the same result with or without it, rejections worded by zod', () => {
    const lines = [
      full,
      { ...full, channel: 'pigeon' },
      { ...full, received_at: 20260301 },
      { ...full, contact_id: '' },
      { ...full, attachments: [{ kind: 'poa', sha256: 'nope' }] },
      { channel: 'call' },
    ]
    for (const value of lines) {
      const src = { line: 1, bytes: 1, raw: '', value }
      const fast = validateLine(contactSchema, src, checkContact)
      const slow = validateLine(contactSchema, src)
      expect(fast).toStrictEqual(slow)
      expect(JSON.stringify(fast)).toBe(JSON.stringify(slow))
    }
  })
})
