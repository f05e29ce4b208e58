// Turns a story's draft into an interchange contact and its label. Everything that is the
// lender's systems' doing (ids, linking to a customer, which identity fields get captured,
// phone formats, sources) is decided here, the same way for every sender.
import type { Attachment, Category, Channel, Contact, Label, Party } from '../contract/index.js'
import { formatTime } from './clock.js'
import type { Person } from './customers.js'
import { maskedId, writePhone } from './identity.js'
import { labelKinds } from '../contract/index.js'
import type { Rng } from './random.js'

export { labelKinds }
export type LabelKind = (typeof labelKinds)[number]

export type Truth = { kind: LabelKind; category?: Category; gang?: string }

export type Draft = {
  channel: Channel
  source: string
  at: number
  /** The borrower the contact is about, when the lender can tell. */
  about: Person
  caller?: Party
  /** Whether the caller's phone is one the master holds for this customer. */
  callerOnFile: boolean
  participants?: Party[]
  /** What the sender states about the customer's identity. */
  claims?: { name: string; idNumber?: string; phone?: string }
  text: string
  demands: string[]
  attachments?: Attachment[]
  network?: { ip?: string; device_id?: string }
  regulatorRef?: string
}

export type Emitted = { at: number; contact: Contact; label: Label }

const LINKED: Record<Channel, number> = {
  call: 0.92,
  app_feedback: 1,
  online_ticket: 0.9,
  regulator: 0.93,
  letter: 0.85,
  email: 0.75,
  social: 0.45,
  victim_report: 0.95,
}
const CLAIMED: Record<Channel, number> = {
  call: 0.85,
  app_feedback: 0.1,
  online_ticket: 0.85,
  regulator: 0.95,
  letter: 0.9,
  email: 0.6,
  social: 0.25,
  victim_report: 0.8,
}

function contactId(rng: Rng): string {
  const h = rng.hex(32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'.charAt(rng.int(0, 3))}${h.slice(17, 20)}-${h.slice(20)}`
}

function party(rng: Rng, p: Party, style: 'typed' | 'system'): Party {
  const out: Party = {}
  if (p.phone) out.phone = writePhone(rng, p.phone, style)
  if (p.name) out.name = p.name
  if (p.role) out.role = p.role
  if (p.organization) out.organization = p.organization
  if (p.relation_claimed) out.relation_claimed = p.relation_claimed
  if (p.email) out.email = p.email
  if (p.wechat) out.wechat = p.wechat
  return out
}

function claimed(rng: Rng, d: Draft): Contact['claimed'] | undefined {
  if (!d.claims) return undefined
  const p = d.channel === 'call' && d.callerOnFile ? 0.25 : CLAIMED[d.channel]
  if (!rng.chance(p)) return undefined
  const out: NonNullable<Contact['claimed']> = { name: d.claims.name }
  if (d.claims.idNumber && d.channel !== 'social' && rng.chance(0.6)) {
    out.id_number = rng.chance(0.25) ? maskedId(d.claims.idNumber) : d.claims.idNumber
  }
  if (d.claims.phone && rng.chance(0.5)) out.phone = writePhone(rng, d.claims.phone, 'typed')
  return out
}

export function emit(rng: Rng, d: Draft, truth: Truth): Emitted {
  const style = d.channel === 'call' ? 'system' : 'typed'
  const contact: Contact = {
    contact_id: contactId(rng),
    channel: d.channel,
    source: d.source,
    received_at: formatTime(d.at),
  }
  const linked = d.channel === 'call' && d.callerOnFile ? true : rng.chance(LINKED[d.channel])
  if (linked) contact.customer_id = d.about.customerId
  const c = claimed(rng, d)
  if (c) contact.claimed = c
  if (d.caller) contact.caller = party(rng, d.caller, style)
  if (d.participants && d.participants.length > 0)
    contact.participants = d.participants.map((p) => party(rng, p, 'typed'))
  contact.text = d.text
  if (d.demands.length > 0) contact.demands = [...new Set(d.demands)]
  if (d.attachments && d.attachments.length > 0) contact.attachments = d.attachments
  if (d.network) contact.network = d.network
  if (d.regulatorRef) contact.regulator_ref = d.regulatorRef
  const abnormal =
    truth.kind === 'agency' ||
    truth.kind === 'promotion_abuse' ||
    truth.kind === 'self_flood_excess'
  const label: Label = {
    contact_id: contact.contact_id,
    abnormal,
    category: abnormal ? (truth.category ?? null) : null,
    gang: abnormal ? (truth.gang ?? null) : null,
    kind: truth.kind,
  }
  return { at: d.at, contact, label }
}

const SOURCES: Record<Channel, readonly (readonly [string, number])[]> = {
  call: [['hotline', 1]],
  app_feedback: [['app', 1]],
  online_ticket: [
    ['web', 0.5],
    ['wechat_mp', 0.35],
    ['mini_program', 0.15],
  ],
  regulator: [
    ['12378', 0.8],
    ['12363', 0.2],
  ],
  letter: [
    ['mail', 0.6],
    ['express', 0.4],
  ],
  email: [['email', 1]],
  social: [
    ['heimao', 0.75],
    ['people_board', 0.25],
  ],
  victim_report: [
    ['hotline', 0.5],
    ['app', 0.3],
    ['web', 0.2],
  ],
}

/** Where a contact on `channel` came from; credit-report matters go to the central bank (12363). */
export function pickSource(rng: Rng, channel: Channel, creditMatter = false): string {
  if (channel === 'regulator' && creditMatter) return rng.chance(0.7) ? '12363' : '12378'
  let u = rng.next()
  for (const [source, w] of SOURCES[channel]) if ((u -= w) < 0) return source
  return SOURCES[channel][0]?.[0] ?? channel
}
