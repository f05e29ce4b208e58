// One normalised identifier per thing a contact or customer carries, keyed `kind:value`, so that
// the same phone written three ways is one node that detectors can count customers around.
import type { Attachment, Contact, Customer, Party } from '../contract/index.js'
import {
  nameKey,
  normalizeDeviceId,
  normalizeEmail,
  normalizeIp,
  normalizeOrganization,
  normalizePhash,
  normalizePhone,
  normalizeSha256,
  normalizeWechat,
  parseIdNumber,
} from '../normalize/index.js'

export const identifierKinds = [
  'phone',
  'id_number',
  'email',
  'wechat',
  'organization',
  'device',
  'ip',
  'sha256',
  'phash',
  'agent_name',
] as const
export type IdentifierKind = (typeof identifierKinds)[number]

export const linkRoles = [
  'registered',
  'other_phone',
  'caller',
  'participant',
  'claimed',
  'organization',
  'device',
  'attachment',
] as const
export type LinkRole = (typeof linkRoles)[number]

export type Identifier = { identifier: string; kind: IdentifierKind; value: string; valid: boolean }
export type IdentifierLink = Identifier & { role: LinkRole }

export function identifierKey(
  kind: IdentifierKind | 'text_template' | 'voiceprint',
  value: string,
): string {
  return `${kind}:${value}`
}

export function splitIdentifierKey(key: string): { kind: IdentifierKind; value: string } {
  const i = key.indexOf(':')
  return { kind: key.slice(0, i) as IdentifierKind, value: key.slice(i + 1) }
}

function make(kind: IdentifierKind, value: string, valid = true): Identifier {
  return { identifier: identifierKey(kind, value), kind, value, valid }
}

export function phoneIdentifier(raw: string | undefined): Identifier | null {
  const p = raw ? normalizePhone(raw) : null
  return p ? make('phone', p.value, p.valid) : null
}

export function idNumberIdentifier(raw: string | undefined): Identifier | null {
  const p = raw ? parseIdNumber(raw) : null
  return p ? make('id_number', p.value, p.valid) : null
}

export function organizationIdentifier(raw: string | undefined): Identifier | null {
  const o = raw ? normalizeOrganization(raw) : null
  return o && o.key ? make('organization', o.key) : null
}

function optional(kind: IdentifierKind, value: string | null | undefined): Identifier | null {
  return value ? make(kind, value) : null
}

/** Names that public boards and forms put where a person's name would be: no one's identity. */
const PLACEHOLDER_NAME = /^(匿名|匿名用户|网友|用户|客户|先生|女士|黑猫用户|未知|无)[0-9a-z_]*$/i

/** Identifiers a party (caller or participant) brings; a non-self party's name is kept as agent_name. */
function partyIdentifiers(party: Party, role: LinkRole): IdentifierLink[] {
  const ids = [
    phoneIdentifier(party.phone),
    optional('email', party.email ? normalizeEmail(party.email) : null),
    optional('wechat', party.wechat ? normalizeWechat(party.wechat) : null),
  ]
  const out = withRole(ids, role)
  const org = organizationIdentifier(party.organization)
  if (org) out.push({ ...org, role: 'organization' })
  if (party.name && party.role && party.role !== 'self' && !PLACEHOLDER_NAME.test(party.name)) {
    const key = nameKey(party.name)
    if (key) out.push({ ...make('agent_name', key), role })
  }
  return out
}

function attachmentIdentifiers(a: Attachment): IdentifierLink[] {
  const sha = normalizeSha256(a.sha256)
  const phash = a.phash ? normalizePhash(a.phash) : null
  return withRole([optional('sha256', sha), optional('phash', phash)], 'attachment')
}

function withRole(ids: (Identifier | null)[], role: LinkRole): IdentifierLink[] {
  return ids.filter((i): i is Identifier => i !== null).map((i) => ({ ...i, role }))
}

export function contactIdentifiers(contact: Contact): IdentifierLink[] {
  const links: IdentifierLink[] = []
  if (contact.caller) links.push(...partyIdentifiers(contact.caller, 'caller'))
  for (const p of contact.participants ?? []) links.push(...partyIdentifiers(p, 'participant'))
  const claimed = contact.claimed
  if (claimed) {
    links.push(
      ...withRole(
        [phoneIdentifier(claimed.phone), idNumberIdentifier(claimed.id_number)],
        'claimed',
      ),
    )
  }
  for (const a of contact.attachments ?? []) links.push(...attachmentIdentifiers(a))
  const net = contact.network
  if (net) {
    const ids = [
      optional('device', net.device_id ? normalizeDeviceId(net.device_id) : null),
      optional('ip', net.ip ? normalizeIp(net.ip) : null),
    ]
    links.push(...withRole(ids, 'device'))
  }
  return uniqueLinks(links)
}

export function customerIdentifiers(customer: Customer): IdentifierLink[] {
  const links = withRole(
    [phoneIdentifier(customer.phone), idNumberIdentifier(customer.id_number)],
    'registered',
  )
  links.push(...withRole((customer.phones_other ?? []).map(phoneIdentifier), 'other_phone'))
  return uniqueLinks(links)
}

function uniqueLinks(links: IdentifierLink[]): IdentifierLink[] {
  const seen = new Set<string>()
  return links.filter((l) => {
    const k = `${l.identifier}\u0000${l.role}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
