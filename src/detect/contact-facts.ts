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
  /** Phones written in the text (victim reports name the agency's numbers this way). */
  textPhones: string[]
}

const PHONE_IN_TEXT = /(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}/g
/** Regulator forwards and public-board posts carry the complainant's ID number in the text. */
const ID_IN_TEXT = /(?<![0-9])\d{17}[\dXx](?![0-9])/g

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
    claimedIdentifiers: [
      ...links.filter((l) => l.role === 'claimed').map((l) => l.identifier),
      ...idNumbersInText(text),
    ],
    participants: (c.participants ?? []).map((p) => ({
      role: p.role ?? null,
      hasIdentity: Boolean(p.phone || p.name || p.wechat),
    })),
    attachments: (c.attachments ?? []).map((a) => ({
      kind: a.kind,
      sha256: a.sha256.toLowerCase(),
      phash: a.phash?.toLowerCase(),
    })),
    demands: c.demands ?? [],
    grayScore: gray.score,
    grayHits: gray.hits.map((h) => h.phrase),
    refusal: refusalPhrases.find((p) => text.includes(p)) ?? null,
    textChars: text.length,
    textPhones: c.channel === 'victim_report' ? phonesInText(text) : [],
  }
}

function idNumbersInText(text: string): string[] {
  const found = text.match(ID_IN_TEXT) ?? []
  return found
    .map((raw) => idNumberIdentifier(raw))
    .flatMap((i) => (i?.valid ? [i.identifier] : []))
}

function phonesInText(text: string): string[] {
  const found = text.match(PHONE_IN_TEXT) ?? []
  return [
    ...new Set(
      found.map((p) => phoneIdentifier(p)?.identifier).filter((p): p is string => Boolean(p)),
    ),
  ]
}
