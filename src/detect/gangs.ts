// Contacts that belong together — through an agency identifier that spoke for several customers,
// one template, one reused document, a victim's report, or one customer's multi-channel campaign —
// form a gang. Only edges detection trusts join contacts: a household Wi-Fi or a name never does.
import { createHash } from 'node:crypto'
import { splitIdentifierKey } from '../links/identifier.js'
import type { ContactFacts } from './contact-facts.js'
import type { DetectionIndex } from './detection-index.js'
import type { DetectionSettings } from './rules/rule-set.js'
import { fanOutKind } from './signals/fan-out.js'
import { deviceSpeaksForOthers, speaksLikeRepresentative } from './representative.js'
import { UnionFind } from './union-find.js'

export type Gang = {
  id: string
  members: number[]
  customers: number
  via: Map<string, number>
  /** Some member names an anti-collection group as the organisation behind it. */
  alliance: boolean
  /** How each member was joined: an identifier kind, 'campaign', 'template' or 'phash'. */
  joinedBy: ReadonlyMap<number, string>
}

const TRUSTED_KINDS = new Set(['phone', 'wechat', 'email', 'organization', 'device', 'sha256'])

/** `speaks`: whether each contact speaks like a representative, worked out once per run. */
type Linking = { uf: UnionFind; via: Map<number, string>; strong: Uint8Array; speaks: Uint8Array }

export function findGangs(index: DetectionIndex, s: DetectionSettings): Map<number, Gang> {
  const n = index.contacts.length
  const speaks = new Uint8Array(n)
  for (const c of index.contacts) speaks[c.idx] = speaksLikeRepresentative(index, c) ? 1 : 0
  const links: Linking = { uf: new UnionFind(n), via: new Map(), strong: new Uint8Array(n), speaks }
  linkCampaigns(index, s, links)
  linkIdentifiers(index, s, links)
  linkTemplatesAndImages(index, s, links)
  let components = summarise(index, links)
  const snapshot = components
  joinCampaigns(
    index,
    s,
    links,
    (i) => qualifies(snapshot.get(links.uf.find(i)), s),
    (i) => (snapshot.get(links.uf.find(i))?.members.length ?? 1) < 2,
  )
  components = summarise(index, links)
  const out = new Map<number, Gang>()
  for (const c of components.values()) {
    if (!qualifies(c, s)) continue
    const gang: Gang = {
      id: gangId(index, c.members),
      members: c.members,
      customers: c.customers,
      via: tally(c.members, links.via),
      alliance: c.members.some((m) => index.contacts[m]?.allianceNamed === true),
      joinedBy: links.via,
    }
    for (const m of c.members) out.set(m, gang)
  }
  return out
}

/**
 * An identifier that spoke for enough customers (or that a victim or the watchlist named) is a
 * strong edge; one shared by exactly two customers is weak — a relative for two family members
 * looks the same — and only counts inside a group that also talks like an agency.
 */
function linkIdentifiers(index: DetectionIndex, s: DetectionSettings, l: Linking): void {
  const windowMs = s.window_days * 86_400_000
  const weak: string[] = []
  for (const identifier of index.postings.keys()) {
    const { kind } = splitIdentifierKey(identifier)
    if (!TRUSTED_KINDS.has(kind) || fanOutKind(identifier) === 'law_firm') continue
    const min =
      kind === 'sha256'
        ? s.reuse_min_customers
        : (s.fan_out_min_customers[fanOutKind(identifier)] ?? Infinity)
    const named = index.victimNamed.has(identifier) || watchedWhenUsed(index, identifier)
    const customers = index.postings.totalCustomers(identifier, windowMs, index)
    const strong = named || (customers >= min && deviceSpeaksForOthers(index, identifier, s))
    if (strong) join(l, index.postings.contactsOf(identifier), kind, true)
    // A household's tablet is shared by its members writing as themselves: not even a weak edge.
    else if (customers >= 2 && deviceSpeaksForOthers(index, identifier, s)) weak.push(identifier)
  }
  // A number two customers share attaches small groups; it never bridges two established ones
  // (a recycled or borrowed phone would otherwise merge two agencies into one).
  const components = summarise(index, l)
  for (const identifier of weak) {
    const members = index.postings.contactsOf(identifier)
    const established = new Set(
      members.map((m) => l.uf.find(m)).filter((r) => (components.get(r)?.customers ?? 0) >= 2),
    )
    if (established.size <= 1) join(l, members, splitIdentifierKey(identifier).kind, false)
  }
}

/**
 * Listed on the watchlist at the time of one of its contacts — as the watchlist signal judges
 * each contact — so the gangs of a history are the same whenever they are worked out.
 */
function watchedWhenUsed(index: DetectionIndex, identifier: string): boolean {
  if (!index.watchHits(identifier, -Infinity).length) return false
  return index.postings
    .contactsOf(identifier)
    .some((i) => index.watchHits(identifier, index.time(i)).length > 0)
}

/**
 * One customer's contacts that speak like a representative within days of each other are one
 * campaign: an agency working several identifiers for one client then links its clients together.
 */
function linkCampaigns(index: DetectionIndex, s: DetectionSettings, l: Linking): void {
  const windowMs = s.repeat_window_days * 86_400_000
  for (const members of index.byCustomer.all()) {
    const reps = members
      .map((m) => index.contacts[m])
      .filter(
        (c): c is ContactFacts =>
          c !== undefined && c.channel !== 'victim_report' && l.speaks[c.idx] === 1,
      )
      .sort((a, b) => a.time - b.time)
    for (let i = 1; i < reps.length; i++) {
      const [prev, cur] = [reps[i - 1], reps[i]]
      if (prev && cur && cur.time - prev.time <= windowMs)
        join(l, [prev.idx, cur.idx], 'campaign', false)
    }
  }
}

/**
 * Templates and forged images circulate between agencies (and reach consumers who write their own
 * letters from them): they join contacts that have no group of their own, but never merge two
 * groups that their identifiers keep apart.
 */
function linkTemplatesAndImages(index: DetectionIndex, s: DetectionSettings, l: Linking): void {
  const groups: number[][] = []
  for (const group of index.templates.groups()) {
    if (group.customers >= s.template_min_customers) groups.push(group.members)
  }
  for (const c of index.contacts) {
    for (const a of c.attachments) {
      if (!a.phash) continue
      const near = index.phashes.near(a.phash, s.phash_max_distance).map((x) => x.owner)
      if (new Set(near.map((o) => index.contacts[o]?.customerId)).size >= s.reuse_min_customers)
        groups.push(near)
    }
  }
  const components = summarise(index, l)
  for (const members of groups) joinContent(l, members, (m) => components.get(l.uf.find(m)))
}

function joinContent(
  l: Linking,
  members: number[],
  componentOf: (m: number) => Component | undefined,
): void {
  // Established: a component of several contacts (several customers, or one customer's campaign).
  const byRoot = new Map<number, number>()
  for (const m of members) {
    if ((componentOf(m)?.members.length ?? 1) >= 2) {
      const r = l.uf.find(m)
      byRoot.set(r, (byRoot.get(r) ?? 0) + 1)
    }
  }
  const anchor = [...byRoot.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const loose = members.filter((m) => (componentOf(m)?.members.length ?? 1) < 2)
  const target = anchor ?? loose[0]
  if (target === undefined) return
  join(l, [target, ...loose], 'template', byRoot.size === 0)
}

function join(l: Linking, members: readonly number[], via: string, strong: boolean): void {
  l.uf.unionAll(members)
  for (const m of members) {
    if (!l.via.has(m) || strong) l.via.set(m, via)
    if (strong) l.strong[m] = 1
  }
}

/**
 * `voices`: who speaks in the group — each customer once, each unresolved contact on its own;
 * `representative`: how many of those speak like a representative in any of their contacts.
 */
type Component = {
  members: number[]
  customers: number
  strong: boolean
  voices: number
  representative: number
}

/**
 * The components of two or more contacts. A contact on its own is left out: it never qualifies,
 * and every reader takes a missing component as one contact of at most one customer.
 */
function summarise(index: DetectionIndex, l: Linking): Map<number, Component> {
  const size = new Int32Array(index.contacts.length)
  for (const c of index.contacts) {
    const r = l.uf.find(c.idx)
    size[r] = (size[r] ?? 0) + 1
  }
  type Building = Component & { ids: Set<string>; speaking: Set<string> }
  const byRoot = new Map<number, Building>()
  for (const c of index.contacts) {
    const r = l.uf.find(c.idx)
    if ((size[r] ?? 0) < 2) continue
    let comp = byRoot.get(r)
    if (!comp) {
      comp = {
        members: [],
        customers: 0,
        strong: false,
        voices: 0,
        representative: 0,
        ids: new Set(),
        speaking: new Set(),
      }
      byRoot.set(r, comp)
    }
    comp.members.push(c.idx)
    // Only known customers count: an unresolved contact may well be one of them.
    if (c.customerId) comp.ids.add(c.customerId)
    else comp.voices++
    comp.strong ||= l.strong[c.idx] === 1
    if (l.speaks[c.idx] === 1) {
      if (c.customerId) comp.speaking.add(c.customerId)
      else comp.representative++
    }
  }
  for (const comp of byRoot.values()) {
    comp.customers = comp.ids.size
    comp.voices += comp.ids.size
    comp.representative += comp.speaking.size
  }
  return byRoot
}

/**
 * A gang spans enough customers and is held together by a strong edge, or talks like an agency:
 * most of the people in it — not most contacts, which one customer flooding on their own would
 * outvote a household with — speak like a representative.
 */
function qualifies(c: Component | undefined, s: DetectionSettings): boolean {
  if (!c || c.members.length < 2 || c.customers < s.gang_min_customers) return false
  return c.strong || c.representative * 2 >= c.voices
}

/**
 * A customer pushed by an agency is pushed through several channels within days: a contact of that
 * customer near a gang member's contact joins the gang when it too speaks like a representative.
 */
function joinCampaigns(
  index: DetectionIndex,
  s: DetectionSettings,
  l: Linking,
  inGang: (i: number) => boolean,
  alone: (i: number) => boolean,
): void {
  const windowMs = s.repeat_window_days * 86_400_000
  for (const members of index.byCustomer.all()) {
    const anchors = members.filter(inGang)
    if (!anchors.length) continue
    for (const m of members) {
      const c = index.contacts[m]
      // Only a contact on its own joins: a group of its own (another agency's) is never pulled in.
      if (!c || !alone(m) || c.channel === 'victim_report' || l.speaks[m] !== 1) continue
      const near = anchors.find(
        (a) => Math.abs((index.contacts[a]?.time ?? 0) - c.time) <= windowMs,
      )
      if (near === undefined) continue
      l.uf.union(near, m)
      l.via.set(m, 'campaign')
    }
  }
}

/** Stable across recomputations as long as the gang's earliest-named contact stays in it. */
function gangId(index: DetectionIndex, members: number[]): string {
  const first = members.map((m) => index.contacts[m]?.contactId ?? '').sort()[0] ?? ''
  return `G-${createHash('sha1').update(first).digest('hex').slice(0, 10)}`
}

function tally(members: number[], via: Map<number, string>): Map<string, number> {
  const t = new Map<string, number>()
  for (const m of members) {
    const k = via.get(m) ?? 'other'
    t.set(k, (t.get(k) ?? 0) + 1)
  }
  return t
}
