// Masked copies of whole interchange records, for every reader without `pii:unmask`. Known
// personal fields get their own masker; every other string — the letter, the subject, file names,
// fields a lender added — goes through maskText with the names the record carries.
import type { Contact, Customer } from '../contract/index.js'
import {
  maskAddress,
  maskDevice,
  maskEmail,
  maskIdNumber,
  maskIp,
  maskName,
  maskPhone,
  maskWechat,
} from './maskers.js'
import { maskText } from './mask-text.js'

type Json = Record<string, unknown>
type FieldMaskers = Record<string, (value: string, names: readonly string[]) => string>

const keep = (value: string) => value
const phone = (value: string) => maskPhone(value)
const name = (value: string) => maskName(value)
const idNumber = (value: string) => maskIdNumber(value)

// Ids, times and enums: not personal, and masking a numeric contact id would break its links.
const CONTACT_FIELDS: FieldMaskers = {
  contact_id: keep,
  channel: keep,
  source: keep,
  received_at: keep,
  customer_id: keep,
  regulator_ref: keep,
}
const CLAIMED_FIELDS: FieldMaskers = { name, id_number: idNumber, phone }
const PARTY_FIELDS: FieldMaskers = {
  phone,
  name,
  id_number: idNumber,
  email: (v) => maskEmail(v),
  wechat: (v) => maskWechat(v),
  role: keep,
  organization: keep,
}
const ATTACHMENT_FIELDS: FieldMaskers = { kind: keep, sha256: keep, phash: keep }
const AUDIO_FIELDS: FieldMaskers = { sha256: keep }
const NETWORK_FIELDS: FieldMaskers = { ip: (v) => maskIp(v), device_id: (v) => maskDevice(v) }
const CUSTOMER_FIELDS: FieldMaskers = {
  customer_id: keep,
  name,
  id_number: idNumber,
  phone,
  address: (v) => maskAddress(v),
  registered_at: keep,
}

/** A masked deep copy of a contact; `names` adds known names (the customer's) to those it carries. */
export function maskContactRecord(record: Contact, names: readonly string[] = []): Contact {
  const known = [...names, ...namesInContact(record)]
  const out = maskFields(record, CONTACT_FIELDS, known)
  if (isObject(record.claimed)) out.claimed = maskFields(record.claimed, CLAIMED_FIELDS, known)
  if (isObject(record.caller)) out.caller = maskFields(record.caller, PARTY_FIELDS, known)
  if (Array.isArray(record.participants))
    out.participants = record.participants.map((p) => maskAny(p, known, PARTY_FIELDS))
  if (Array.isArray(record.attachments))
    out.attachments = record.attachments.map((a) => maskAny(a, known, ATTACHMENT_FIELDS))
  if (isObject(record.audio)) out.audio = maskFields(record.audio, AUDIO_FIELDS, known)
  if (isObject(record.network)) out.network = maskFields(record.network, NETWORK_FIELDS, known)
  return out as Contact
}

/** A masked deep copy of a customer record. */
export function maskCustomerRecord(record: Customer): Customer {
  const known = typeof record.name === 'string' ? [record.name] : []
  const out = maskFields(record, CUSTOMER_FIELDS, known)
  if (Array.isArray(record.phones_other))
    out.phones_other = record.phones_other.map((p) => (typeof p === 'string' ? maskPhone(p) : p))
  return out as Customer
}

/** Every name a contact carries: the claimed consumer's and each party's. */
export function namesInContact(record: Contact): string[] {
  const names: unknown[] = [record.claimed?.name, record.caller?.name]
  for (const p of record.participants ?? []) names.push(p.name)
  return names.filter((n): n is string => typeof n === 'string' && n.trim() !== '')
}

/** Each own field through its masker, or through maskAny when it has none. */
function maskFields(record: object, maskers: FieldMaskers, names: readonly string[]): Json {
  const out: Json = {}
  for (const [key, value] of Object.entries(record)) {
    const mask = maskers[key]
    out[key] = mask && typeof value === 'string' ? mask(value, names) : maskAny(value, names)
  }
  return out
}

function maskAny(value: unknown, names: readonly string[], maskers: FieldMaskers = {}): unknown {
  if (typeof value === 'string') return maskText(value, names)
  if (typeof value === 'number') return maskNumber(value)
  if (Array.isArray(value)) return value.map((v) => maskAny(v, names))
  if (isObject(value)) return maskFields(value, maskers, names)
  return value
}

// A phone or ID number that a spreadsheet turned into a number is still one.
function maskNumber(value: number): number | string {
  if (!Number.isSafeInteger(value) || Math.abs(value) < 1_000_000) return value
  const text = String(value)
  const masked = maskText(text)
  return masked === text ? value : masked
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
