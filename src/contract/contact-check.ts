// contactSchema checked by hand, for the import's hot path: zod's parse was a tenth of the line
// worker's time a bench contact. It accepts only what contactSchema accepts and gives what zod's
// parse gives (a new object a level, the shape's keys in the shape's order, then the other keys as
// they came); whatever it is unsure of — anything zod would reject, an unusual key — it leaves to
// zod (undefined), which decides and words the rejection. interchange.ts is the definition: a
// change there must be made here too (contact-check.test.ts compares the two).
import type { Contact } from './interchange.js'
import { MAX_TEXT_CHARS } from './interchange.js'
import { parseInterchangeTime } from './time.js'
import { attachmentKinds, channels, partyRoles } from './vocabulary.js'

type Obj = Record<string, unknown>

/** What a field's check gives when zod must decide. */
const UNSURE = Symbol('unsure')
type Check = (v: unknown) => unknown

const HEX_64 = /^[0-9a-fA-F]{64}$/
const HEX = /^[0-9a-fA-F]{8,128}$/

const text =
  (max: number, min = 0): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max && v.length >= min ? v : UNSURE
const hex =
  (pattern: RegExp): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? v : UNSURE
const oneOf = (values: readonly string[]): Check => {
  const set = new Set<unknown>(values)
  return (v) => (set.has(v) ? v : UNSURE)
}
/** A whole number zod's int() takes for sure: a safe integer. */
const positiveInt: Check = (v) => (Number.isSafeInteger(v) && (v as number) > 0 ? v : UNSURE)
const time: Check = (v) =>
  typeof v === 'string' && Number.isFinite(parseInterchangeTime(v)) ? v : UNSURE
const list =
  (item: Check, max: number): Check =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return UNSURE
    const out: unknown[] = new Array<unknown>(v.length)
    for (let i = 0; i < v.length; i++) {
      const x = item(v[i])
      if (x === UNSURE) return UNSURE
      out[i] = x
    }
    return out
  }

/** A loose object's fields: required ones, optional ones; other keys are kept as they are. */
function object(fields: Record<string, Check>, required: readonly string[] = []): Check {
  const keys = Object.keys(fields)
  const checks = keys.map((k) => fields[k] as Check)
  const known = new Set(keys)
  const needed = new Set(required)
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return UNSURE
    const input = v as Obj
    const out: Obj = {}
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      const value = input[key]
      if (value === undefined) {
        // A key held with an undefined value (never from JSON) is zod's to copy.
        if (needed.has(key) || Object.hasOwn(input, key)) return UNSURE
        continue
      }
      const checked = (checks[i] as Check)(value)
      if (checked === UNSURE) return UNSURE
      out[key] = checked
    }
    for (const key of Object.keys(input)) {
      if (known.has(key)) continue
      // Assigning `__proto__` would set the prototype: zod's own handling decides.
      if (key === '__proto__') return UNSURE
      out[key] = input[key]
    }
    return out
  }
}

const party = object({
  phone: text(64),
  name: text(200),
  role: oneOf(partyRoles),
  organization: text(300),
  relation_claimed: text(100),
  email: text(320),
  wechat: text(100),
})

const contact = object(
  {
    contact_id: text(128, 1),
    channel: oneOf(channels),
    source: text(100),
    received_at: time,
    customer_id: text(128),
    claimed: object({ name: text(200), id_number: text(64), phone: text(64) }),
    caller: party,
    participants: list(party, 50),
    text: text(MAX_TEXT_CHARS),
    demands: list(text(200), 50),
    attachments: list(
      object(
        {
          kind: oneOf(attachmentKinds),
          sha256: hex(HEX_64),
          filename: text(500),
          phash: hex(HEX),
          path: text(2000),
        },
        ['kind', 'sha256'],
      ),
      100,
    ),
    audio: object(
      { path: text(2000), sha256: hex(HEX_64), sample_rate: positiveInt, channels: positiveInt },
      ['path'],
    ),
    network: object({ ip: text(64), device_id: text(200) }),
    regulator_ref: text(200),
  },
  ['contact_id', 'channel', 'received_at'],
)

/** What contactSchema.parse gives for the value, or undefined when zod must decide. */
export function checkContact(value: unknown): Contact | undefined {
  const out = contact(value)
  return out === UNSURE ? undefined : (out as Contact)
}
