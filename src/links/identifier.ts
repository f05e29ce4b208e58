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

// Agencies write the same few names on thousands of contacts, and the key takes a dozen
// affix passes to work out: remember recent ones (two generations, as in normalize/phone.ts).
const ORGANIZATION_GENERATION = 2_000
let recentOrganizations = new Map<string, string>()
let olderOrganizations = new Map<string, string>()

function organizationKey(raw: string): string {
  const known = recentOrganizations.get(raw) ?? olderOrganizations.get(raw)
  if (known !== undefined) return known
  const key = normalizeOrganization(raw)?.key ?? ''
  if (recentOrganizations.size >= ORGANIZATION_GENERATION) {
    ;[olderOrganizations, recentOrganizations] = [recentOrganizations, new Map<string, string>()]
  }
  recentOrganizations.set(raw, key)
  return key
}

export function organizationIdentifier(raw: string | undefined): Identifier | null {
  const key = raw ? organizationKey(raw) : ''
  return key ? make('organization', key) : null
}

/**
 * A record's links in the order found, each identifier and role once. A record carries a
 * handful of links (a few hundred at the schema's limits), so a scan costs less than a Set.
 */
class LinkList {
  readonly links: IdentifierLink[] = []

  add(id: Identifier | null, role: LinkRole): void {
    if (id === null) return
    const { identifier, kind, value, valid } = id
    for (const l of this.links) if (l.identifier === identifier && l.role === role) return
    this.links.push({ identifier, kind, value, valid, role })
  }

  addValue(kind: IdentifierKind, value: string | null | undefined, role: LinkRole): void {
    if (value) this.add(make(kind, value), role)
  }
}

/** Identifiers a party (caller or participant) brings; a non-self party's name is kept as agent_name. */
function addParty(list: LinkList, party: Party, role: LinkRole): void {
  list.add(phoneIdentifier(party.phone), role)
  list.addValue('email', party.email ? normalizeEmail(party.email) : null, role)
  list.addValue('wechat', party.wechat ? normalizeWechat(party.wechat) : null, role)
  list.add(organizationIdentifier(party.organization), 'organization')
  if (party.name && party.role && party.role !== 'self') {
    list.addValue('agent_name', nameKey(party.name), role)
  }
}

function addAttachment(list: LinkList, a: Attachment): void {
  list.addValue('sha256', normalizeSha256(a.sha256), 'attachment')
  list.addValue('phash', a.phash ? normalizePhash(a.phash) : null, 'attachment')
}

export function contactIdentifiers(contact: Contact): IdentifierLink[] {
  const list = new LinkList()
  if (contact.caller) addParty(list, contact.caller, 'caller')
  for (const p of contact.participants ?? []) addParty(list, p, 'participant')
  const claimed = contact.claimed
  if (claimed) {
    list.add(phoneIdentifier(claimed.phone), 'claimed')
    list.add(idNumberIdentifier(claimed.id_number), 'claimed')
  }
  for (const a of contact.attachments ?? []) addAttachment(list, a)
  const net = contact.network
  if (net) {
    list.addValue('device', net.device_id ? normalizeDeviceId(net.device_id) : null, 'device')
    list.addValue('ip', net.ip ? normalizeIp(net.ip) : null, 'device')
  }
  return list.links
}

export function customerIdentifiers(customer: Customer): IdentifierLink[] {
  const list = new LinkList()
  list.add(phoneIdentifier(customer.phone), 'registered')
  list.add(idNumberIdentifier(customer.id_number), 'registered')
  for (const phone of customer.phones_other ?? []) list.add(phoneIdentifier(phone), 'other_phone')
  return list.links
}
