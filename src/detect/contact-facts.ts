// The facts detection needs about one contact, extracted once from its interchange record so that
// a million of them fit in memory without their texts.
import type { Attachment, Channel, Contact, PartyRole } from '../contract/index.js'
import { parseInterchangeTime } from '../contract/index.js'
import type { IdentifierLink, LinkRole } from '../links/identifier.js'
import {
  contactIdentifiers,
  idNumberIdentifier,
  linkRoles,
  phoneIdentifier,
} from '../links/identifier.js'
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
 * channel name a million times over) and an empty list of their own in each empty field. Kept as
 * the index keeps every contact's facts (StoredFacts), they share what can be shared.
 */
export function adoptFacts(f: ContactFacts): StoredFacts {
  return f instanceof StoredFacts ? f : new StoredFacts(f)
}

/** Facts few contacts have (a third party on the line, an attachment, a refusal …), kept apart. */
type RareFacts = Pick<
  ContactFacts,
  | 'participants'
  | 'attachments'
  | 'refusal'
  | 'allianceNamed'
  | 'lawyerOfFirm'
  | 'hardshipCertificate'
  | 'textPhones'
>

const ROLE_BITS = 3
/** Roles of up to this many links fit one small integer; more are kept as a list. */
const PACKED_ROLES = 10

/**
 * A contact's facts as the detection index holds a million of them: the facts few contacts have
 * in one shared-when-empty record, the links as their identifiers (a bare one when there is one)
 * and their roles packed in a number. Read through the same fields as any ContactFacts; ~110
 * bytes a contact less than a plain object with a small object per link.
 */
export class StoredFacts implements ContactFacts {
  idx: number
  readonly contactId: string
  customerId: string | null
  readonly time: number
  readonly channel: Channel
  readonly source: string | null
  readonly callerRole: PartyRole | null
  callerPhone: string | null
  readonly callerNameKey: string | null
  readonly claimedNameKey: string | null
  readonly claimedIdentifiers: string[]
  readonly demands: string[]
  readonly grayScore: number
  readonly grayHits: string[]
  readonly textChars: number
  readonly statedPhones: string[]
  private linkIds: string | string[] | null
  private readonly linkRoles: number | LinkRole[]
  private readonly rare: RareFacts | null

  constructor(f: ContactFacts) {
    this.idx = f.idx
    this.contactId = f.contactId
    this.customerId = f.customerId
    this.time = f.time
    this.channel = word(f.channel)
    this.source = f.source === null ? null : word(f.source)
    this.callerRole = f.callerRole === null ? null : word(f.callerRole)
    this.callerPhone = f.callerPhone
    this.callerNameKey = f.callerNameKey
    this.claimedNameKey = f.claimedNameKey
    this.claimedIdentifiers = exact(f.claimedIdentifiers)
    this.demands = wordList(f.demands)
    this.grayScore = f.grayScore
    this.grayHits = wordList(f.grayHits)
    this.textChars = f.textChars
    // Most often the one phone claimed for the customer, in both lists: kept once.
    this.statedPhones = sameList(f.statedPhones, this.claimedIdentifiers)
      ? this.claimedIdentifiers
      : exact(f.statedPhones)
    const links = f.links
    this.linkIds =
      links.length === 0
        ? null
        : links.length === 1
          ? (links[0] as FactLink).identifier
          : links.map((l) => l.identifier)
    this.linkRoles =
      links.length > PACKED_ROLES
        ? links.map((l) => word(l.role))
        : links.reduce((packed, l, k) => packed | (roleCode(l.role) << (k * ROLE_BITS)), 0)
    const rare =
      f.participants.length ||
      f.attachments.length ||
      f.refusal !== null ||
      f.allianceNamed ||
      f.lawyerOfFirm ||
      f.hardshipCertificate ||
      f.textPhones.length
    this.rare = rare
      ? {
          participants: compact(
            f.participants.map((p) => ({
              role: p.role === null ? null : word(p.role),
              hasIdentity: p.hasIdentity,
            })),
          ),
          attachments: compact(
            f.attachments.map((a) => ({ kind: word(a.kind), sha256: a.sha256, phash: a.phash })),
          ),
          refusal: f.refusal === null ? null : word(f.refusal),
          allianceNamed: f.allianceNamed,
          lawyerOfFirm: f.lawyerOfFirm,
          hardshipCertificate: f.hardshipCertificate,
          textPhones: compact(f.textPhones),
        }
      : null
  }

  /** A fresh list each time: links are read, never changed through it (see keepIdentifiers). */
  get links(): FactLink[] {
    const ids = this.linkIds
    if (ids === null) return NONE
    if (typeof ids === 'string') return [{ identifier: ids, role: this.roleAt(0) }]
    return ids.map((identifier, k) => ({ identifier, role: this.roleAt(k) }))
  }

  get participants(): ContactFacts['participants'] {
    return this.rare?.participants ?? NONE
  }

  get attachments(): ContactFacts['attachments'] {
    return this.rare?.attachments ?? NONE
  }

  get refusal(): string | null {
    return this.rare?.refusal ?? null
  }

  get allianceNamed(): boolean {
    return this.rare?.allianceNamed ?? false
  }

  get lawyerOfFirm(): boolean {
    return this.rare?.lawyerOfFirm ?? false
  }

  get hardshipCertificate(): boolean {
    return this.rare?.hardshipCertificate ?? false
  }

  get textPhones(): string[] {
    return this.rare?.textPhones ?? NONE
  }

  /**
   * Replaces each link's identifier (and the caller's phone) with the copy `keep` hands back — the
   * index keeps one copy of each identifier however many contacts carry it.
   */
  keepIdentifiers(keep: (identifier: string) => string): void {
    const ids = this.linkIds
    if (ids === null) return
    const kept = typeof ids === 'string' ? [keep(ids)] : ids.map(keep)
    for (const id of kept) if (id === this.callerPhone) this.callerPhone = id
    this.linkIds = kept.length === 1 ? (kept[0] as string) : kept
  }

  private roleAt(k: number): LinkRole {
    const roles = this.linkRoles
    if (typeof roles !== 'number') return roles[k] as LinkRole
    return linkRoles[(roles >>> (k * ROLE_BITS)) & ((1 << ROLE_BITS) - 1)] as LinkRole
  }
}

/**
 * A list of its own length: a list that crossed a thread boundary arrives with room for more
 * (~110 bytes for one or two identifiers).
 */
function exact<T>(xs: T[]): T[] {
  return xs.length ? xs.slice() : NONE
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k])
}

function roleCode(role: LinkRole): number {
  const code = linkRoles.indexOf(role)
  if (code < 0) throw new Error(`unknown link role ${role}`)
  return code
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
