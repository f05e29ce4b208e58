// Contacts that belong together — through an agency identifier that spoke for several customers,
// one template, one reused document, or a victim's report — form a gang. Only edges that detection
// trusts join contacts: a shared household Wi-Fi or a common name never does.
import { createHash } from 'node:crypto'
import { splitIdentifierKey } from '../links/identifier.js'
import type { ContactFacts } from './contact-facts.js'
import type { DetectionIndex } from './detection-index.js'
import { fanOutKind } from './signals/fan-out.js'
import type { DetectionSettings } from './rules/rule-set.js'
import { UnionFind } from './union-find.js'

export type Gang = { id: string; members: number[]; customers: number; via: Map<string, number> }

const TRUSTED_KINDS = new Set(['phone', 'wechat', 'email', 'organization', 'device', 'sha256'])

export function findGangs(index: DetectionIndex, s: DetectionSettings): Map<number, Gang> {
  const uf = new UnionFind(index.contacts.length)
  const via = new Map<string, string>()
  const windowMs = s.window_days * 86_400_000
  for (const identifier of index.postings.keys()) {
    const { kind } = splitIdentifierKey(identifier)
    if (!TRUSTED_KINDS.has(kind)) continue
    const min =
      kind === 'sha256'
        ? s.reuse_min_customers
        : (s.fan_out_min_customers[fanOutKind(identifier)] ?? Infinity)
    const victims = index.victimNamed.has(identifier)
    const onWatch = index.watchHits(identifier, Date.now()).length > 0
    if (!victims && !onWatch && index.postings.totalCustomers(identifier, windowMs, index) < min)
      continue
    const members = index.postings.contactsOf(identifier)
    uf.unionAll(members)
    for (const m of members) via.set(String(m), kind)
  }
  for (const group of index.templates.groups()) {
    if (group.customers < s.template_min_customers) continue
    uf.unionAll(group.members)
    for (const m of group.members) if (!via.has(String(m))) via.set(String(m), 'template')
  }
  for (const c of index.contacts) {
    for (const a of c.attachments) {
      if (!a.phash) continue
      const near = index.phashes.near(a.phash, s.phash_max_distance).map((n) => n.owner)
      if (new Set(near.map((o) => index.contacts[o]?.customerId)).size >= s.reuse_min_customers)
        uf.unionAll(near)
    }
  }
  joinCampaigns(index, uf, via, s)
  return collect(index, uf, via, s.gang_min_customers)
}

/**
 * A customer pushed by an agency is pushed through several channels within days: a contact of that
 * customer near a gang member's contact joins the gang when it too speaks like a representative
 * (not the customer alone from their own phone, or the agencies' vocabulary).
 */
function joinCampaigns(index: DetectionIndex, uf: UnionFind, via: Map<string, string>, s: DetectionSettings): void {
  const windowMs = s.repeat_window_days * 86_400_000
  const customersOfRoot = new Map<number, Set<string>>()
  for (const c of index.contacts) {
    if (!c.customerId) continue
    const r = uf.find(c.idx)
    const set = customersOfRoot.get(r) ?? new Set<string>()
    set.add(c.customerId)
    customersOfRoot.set(r, set)
  }
  const inGang = (i: number) => (customersOfRoot.get(uf.find(i))?.size ?? 0) >= s.gang_min_customers
  for (const [, members] of index.byCustomer) {
    const anchors = members.filter(inGang)
    if (!anchors.length) continue
    for (const m of members) {
      const c = index.contacts[m]
      if (!c || inGang(m) || c.channel === 'victim_report' || !speaksLikeRepresentative(index, c)) continue
      const near = anchors.find((a) => Math.abs((index.contacts[a]?.time ?? 0) - c.time) <= windowMs)
      if (near === undefined) continue
      uf.union(near, m)
      via.set(String(m), 'campaign')
    }
  }
}

function speaksLikeRepresentative(index: DetectionIndex, c: ContactFacts): boolean {
  if (c.grayScore >= 0.15 || c.refusal || c.participants.length) return true
  if (c.callerRole && c.callerRole !== 'self') return true
  return c.callerPhone !== null && !index.isOnFileFor(c.customerId, c.callerPhone)
}

function collect(
  index: DetectionIndex,
  uf: UnionFind,
  via: Map<string, string>,
  minCustomers: number,
): Map<number, Gang> {
  const byRoot = new Map<number, number[]>()
  for (const c of index.contacts) {
    const r = uf.find(c.idx)
    const list = byRoot.get(r)
    if (list) list.push(c.idx)
    else byRoot.set(r, [c.idx])
  }
  const out = new Map<number, Gang>()
  for (const members of byRoot.values()) {
    if (members.length < 2) continue
    const customers = new Set(members.map((m) => index.contacts[m]?.customerId ?? `contact:${m}`))
      .size
    if (customers < minCustomers) continue
    const gang: Gang = { id: gangId(index, members), members, customers, via: tally(members, via) }
    for (const m of members) out.set(m, gang)
  }
  return out
}

/** Stable across recomputations as long as the gang's earliest-named contact stays in it. */
function gangId(index: DetectionIndex, members: number[]): string {
  const first = members.map((m) => index.contacts[m]?.contactId ?? '').sort()[0] ?? ''
  return `G-${createHash('sha1').update(first).digest('hex').slice(0, 10)}`
}

function tally(members: number[], via: Map<string, string>): Map<string, number> {
  const t = new Map<string, number>()
  for (const m of members) {
    const k = via.get(String(m)) ?? 'other'
    t.set(k, (t.get(k) ?? 0) + 1)
  }
  return t
}
