// The facts detection needs about one contact, extracted once from its interchange record so that
// a million of them fit in memory without their texts.
import type { Attachment, Channel, Contact, PartyRole } from '../contract/index.js'
import { parseInterchangeTime } from '../contract/index.js'
import type { IdentifierLink, LinkRole } from '../links/identifier.js'
import { contactIdentifiers, idNumberIdentifier, phoneIdentifier } from '../links/identifier.js'
import { nameKey, normalizeText } from '../normalize/index.js'
import { grayLanguage } from '../text/index.js'
import { refusalPhrases } from './refusal-phrases.js'

export type FactLink = { identifier: string; role: LinkRole }

export type ContactFacts = {
  idx: number
  contactId: string
  customerId: string | null
  time: number
  channel: Channel
  source: string | null
  callerRole: PartyRole | null
  callerPhone: string | null
  callerNameKey: string | null
  claimedNameKey: string | null
  links: FactLink[]
  /** Phone and ID number the contact claims for the customer: resolves an unnamed customer. */
  claimedIdentifiers: string[]
  participants: { role: PartyRole | null; hasIdentity: boolean }[]
  attachments: Pick<Attachment, 'kind' | 'sha256' | 'phash'>[]
  demands: string[]
  grayScore: number
  grayHits: string[]
  refusal: string | null
  textChars: number
  /** The contact names an anti-collection group (互助群, 联盟, 上岸 …) as the organisation behind it. */
  allianceNamed: boolean
  /** A declared lawyer naming a law firm: letters are judged by the material standards, not wording. */
  lawyerOfFirm: boolean
  /** A hardship certificate (medical, unemployment) is attached: unverified until checked with the issuer. */
  hardshipCertificate: boolean
  /** Phones written in the text (victim reports name the agency's numbers this way). */
  textPhones: string[]
  /**
   * Numbers the contact gives for being answered on: the phone it claims for the customer and the
   * ones written in its text (a letter's 联系电话). Empty for most contacts.
   */
  statedPhones: string[]
}

/** How anti-collection groups name themselves in chats and ads. */
const ALLIANCE = /反催收|互助群|互助会|互助联盟|债务联盟|上岸群|上岸之家|债友群|维权群/
const PHONE_IN_TEXT = /(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}/g
/** Regulator forwards and public-board posts carry the complainant's ID number in the text. */
const ID_IN_TEXT = /(?<![0-9])\d{17}[\dXx](?![0-9])/g

/** A million contacts hold mostly empty lists: they all share this one (facts are never mutated). */
const NONE: never[] = Object.freeze([]) as unknown as never[]
const compact = <T>(xs: T[]): T[] => (xs.length ? xs : NONE)

/**
 * Facts that crossed a thread boundary arrive as fresh objects: a new copy of every string (a
 * channel name a million times over), an empty list of their own in each empty field, and a
 * shape V8 keeps partly out of object. Rebuilt here as contactFacts builds them, they weigh what
 * facts prepared in place weigh.
 */
export function adoptFacts(f: ContactFacts): ContactFacts {
  return {
    idx: f.idx,
    contactId: f.contactId,
    customerId: f.customerId,
    time: f.time,
    channel: word(f.channel),
    source: f.source === null ? null : word(f.source),
    callerRole: f.callerRole === null ? null : word(f.callerRole),
    callerPhone: f.callerPhone,
    callerNameKey: f.callerNameKey,
    claimedNameKey: f.claimedNameKey,
    links: f.links.map((l) => ({ identifier: l.identifier, role: word(l.role) })),
    claimedIdentifiers: compact(f.claimedIdentifiers),
    participants: compact(
      f.participants.map((p) => ({
        role: p.role === null ? null : word(p.role),
        hasIdentity: p.hasIdentity,
      })),
    ),
    attachments: compact(
      f.attachments.map((a) => ({ kind: word(a.kind), sha256: a.sha256, phash: a.phash })),
    ),
    demands: wordList(f.demands),
    grayScore: f.grayScore,
    grayHits: wordList(f.grayHits),
    refusal: f.refusal === null ? null : word(f.refusal),
    textChars: f.textChars,
    allianceNamed: f.allianceNamed,
    lawyerOfFirm: f.lawyerOfFirm,
    hardshipCertificate: f.hardshipCertificate,
    textPhones: compact(f.textPhones),
    statedPhones: compact(f.statedPhones),
  }
}

/** One copy of each vocabulary word (channels, roles, sources, phrases): a small, bounded set. */
const words = new Map<string, string>()
const MAX_WORDS = 50_000

function word<T extends string>(w: T): T {
  const known = words.get(w)
  if (known !== undefined) return known as T
  if (words.size < MAX_WORDS) words.set(w, w)
  return w
}

/**
 * One copy of each list of vocabulary words: demands and phrases come from a few templates, so a
 * million contacts share a few thousand lists rather than holding one each (~70 bytes a contact).
 */
const wordLists = new Map<string, readonly string[]>()

function wordList(ws: readonly string[]): string[] {
  if (!ws.length) return NONE
  const key = ws.join('\u0000')
  const known = wordLists.get(key)
  if (known !== undefined) return known as string[]
  const list = Object.freeze(ws.map(word)) as string[]
  if (wordLists.size < MAX_WORDS) wordLists.set(key, list)
  return list
}

export function contactFacts(
  idx: number,
  c: Contact,
  links: IdentifierLink[] = contactIdentifiers(c),
): ContactFacts {
  const text = c.text ? normalizeText(c.text) : ''
  const gray = text || c.demands?.length ? grayLanguage(text, c.demands) : { score: 0, hits: [] }
  return {
    idx,
    contactId: c.contact_id,
    customerId: c.customer_id ?? null,
    time: parseInterchangeTime(c.received_at),
    channel: c.channel,
    source: c.source ?? null,
    callerRole: c.caller?.role ?? null,
    callerPhone: phoneIdentifier(c.caller?.phone)?.identifier ?? null,
    callerNameKey: c.caller?.name ? nameKey(c.caller.name) || null : null,
    claimedNameKey: c.claimed?.name ? nameKey(c.claimed.name) || null : null,
    links: links
      .filter((l) => l.role !== 'claimed')
      .map((l) => ({ identifier: l.identifier, role: l.role })),
    claimedIdentifiers: compact([
      ...links.filter((l) => l.role === 'claimed').map((l) => l.identifier),
      ...idNumbersInText(text),
    ]),
    participants: compact(
      (c.participants ?? []).map((p) => ({
        role: p.role ?? null,
        hasIdentity: Boolean(p.phone || p.name || p.wechat),
      })),
    ),
    attachments: compact(
      (c.attachments ?? []).map((a) => ({
        kind: a.kind,
        sha256: a.sha256.toLowerCase(),
        phash: a.phash?.toLowerCase(),
      })),
    ),
    demands: compact(c.demands ?? []),
    grayScore: gray.score,
    grayHits: compact(gray.hits.map((h) => h.phrase)),
    refusal: refusalPhrases.find((p) => text.includes(p)) ?? null,
    textChars: text.length,
    allianceNamed:
      [c.caller, ...(c.participants ?? [])].some((p) => ALLIANCE.test(p?.organization ?? '')) ||
      ALLIANCE.test(text),
    lawyerOfFirm: c.caller?.role === 'lawyer' && /律师|律所/.test(c.caller.organization ?? ''),
    hardshipCertificate: (c.attachments ?? []).some(
      (a) => a.kind === 'medical' || a.kind === 'unemployment',
    ),
    textPhones: c.channel === 'victim_report' ? phonesInText(text) : NONE,
    statedPhones: compact([
      ...links.filter((l) => l.role === 'claimed' && l.kind === 'phone').map((l) => l.identifier),
      ...statedInText(text),
    ]),
  }
}

function idNumbersInText(text: string): string[] {
  const found = text.match(ID_IN_TEXT) ?? []
  return found
    .map((raw) => idNumberIdentifier(raw))
    .flatMap((i) => (i?.valid ? [i.identifier] : []))
}

/** A mobile written on its own, not digits inside an ID or reference number. */
const STATED_PHONE = /(?<![0-9])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![0-9Xx])/g

function statedInText(text: string): string[] {
  const found = text.match(STATED_PHONE) ?? []
  return [
    ...new Set(
      found.map((p) => phoneIdentifier(p)?.identifier).filter((p): p is string => Boolean(p)),
    ),
  ]
}

function phonesInText(text: string): string[] {
  const found = text.match(PHONE_IN_TEXT) ?? []
  return [
    ...new Set(
      found.map((p) => phoneIdentifier(p)?.identifier).filter((p): p is string => Boolean(p)),
    ),
  ]
}
