// For each identifier, the contacts that carried it, and — cached until the list changes — how many
// distinct customers it spoke for within the window around each of those contacts.
export type Posting = {
  /** The identifier itself: the one copy every contact carrying it shares. */
  identifier: string
  contacts: number[]
  dirty: boolean
  windowCustomers: Int32Array | null
  totalCustomers: number
  /** Where each contact sits in the time-sorted list; built with the counts. */
  position: Map<number, number> | null
  /** The customers of the stretch of the list the last screened call's window covered. */
  stretch: Stretch | null
}

/** Positions [from, to) of the time-sorted list, for one window width, and their customers. */
type Stretch = { from: number; to: number; windowMs: number; customers: Set<string> }

export type PostingFacts = { time(i: number): number; customer(i: number): string | null }

/**
 * Most identifiers are carried by one contact (a customer's own phone, a one-off device): such an
 * identifier maps to the bare contact number, and becomes a Posting when a second contact brings
 * it — a million postings and their lists would weigh ~150 MB.
 */
export class IdentifierPostings {
  private readonly lists = new Map<string, Posting | number>()

  /** Adds the contact to the identifier's list; returns the identifier's one stored copy. */
  add(identifier: string, contactIdx: number): string {
    const p = this.lists.get(identifier)
    if (p === undefined) {
      this.lists.set(identifier, contactIdx)
      return identifier
    }
    if (typeof p === 'number') {
      if (p === contactIdx) return identifier
      this.lists.set(identifier, posting(identifier, [p, contactIdx]))
      return identifier
    }
    if (p.contacts[p.contacts.length - 1] !== contactIdx) p.contacts.push(contactIdx)
    p.dirty = true
    return p.identifier
  }

  contactsOf(identifier: string): readonly number[] {
    const p = this.lists.get(identifier)
    return p === undefined ? NO_CONTACTS : typeof p === 'number' ? [p] : p.contacts
  }

  keys(): IterableIterator<string> {
    return this.lists.keys()
  }

  get size(): number {
    return this.lists.size
  }

  /**
   * Distinct customers the identifier spoke for within ±windowMs of a contact. A contact not in the
   * list (a call being screened) is counted directly, with its own customer included.
   */
  customersAround(
    identifier: string,
    contact: { idx: number; time: number; customerId: string | null },
    windowMs: number,
    facts: PostingFacts,
  ): number {
    const p = this.lists.get(identifier)
    if (p === undefined) return 0
    if (typeof p === 'number') {
      if (p === contact.idx) return facts.customer(p) !== null ? 1 : 0
      return countAround([p], contact, windowMs, facts)
    }
    if (p.dirty || !p.windowCustomers) refresh(p, windowMs, facts)
    const pos =
      contact.idx < 0
        ? -1
        : p.position
          ? (p.position.get(contact.idx) ?? -1)
          : p.contacts.indexOf(contact.idx)
    if (pos >= 0) return p.windowCustomers?.[pos] ?? 0
    return stretchAround(p, contact, windowMs, facts)
  }

  totalCustomers(identifier: string, windowMs: number, facts: PostingFacts): number {
    const p = this.lists.get(identifier)
    if (p === undefined) return 0
    if (typeof p === 'number') return facts.customer(p) !== null ? 1 : 0
    if (p.dirty || !p.windowCustomers) refresh(p, windowMs, facts)
    return p.totalCustomers
  }
}

const NO_CONTACTS: readonly number[] = Object.freeze([])

function posting(identifier: string, contacts: number[]): Posting {
  return {
    identifier,
    contacts,
    dirty: true,
    windowCustomers: null,
    totalCustomers: 0,
    position: null,
    stretch: null,
  }
}

/**
 * countAround for a call being screened against a posting: calls ringing within hours of each
 * other cover the same stretch of an agency number's contacts, so its customers are gathered once
 * (until the list changes) instead of reading a hundred scattered contacts a call.
 */
function stretchAround(
  p: Posting,
  contact: { time: number; customerId: string | null },
  windowMs: number,
  facts: PostingFacts,
): number {
  const [from, to] = stretchOf(p.contacts, contact.time, windowMs, facts)
  let s = p.stretch
  if (!s || s.from !== from || s.to !== to || s.windowMs !== windowMs)
    s = p.stretch = { from, to, windowMs, customers: customersIn(p.contacts, from, to, facts) }
  return withOwn(s.customers, contact.customerId)
}

/** Customers within the window of a contact that is not in the list, its own included. */
function countAround(
  contacts: readonly number[],
  contact: { time: number; customerId: string | null },
  windowMs: number,
  facts: PostingFacts,
): number {
  const [from, to] = stretchOf(contacts, contact.time, windowMs, facts)
  return withOwn(customersIn(contacts, from, to, facts), contact.customerId)
}

/**
 * Positions [from, to) of a time-ordered list within ±windowMs of `time`, found by halving: an
 * agency's number can carry thousands of contacts, a screening happens as a call rings.
 */
function stretchOf(
  contacts: readonly number[],
  time: number,
  windowMs: number,
  facts: PostingFacts,
): [number, number] {
  return [
    firstAtOrAfter(contacts, time - windowMs, facts),
    firstAtOrAfter(contacts, time + windowMs + 1, facts),
  ]
}

function customersIn(
  contacts: readonly number[],
  from: number,
  to: number,
  facts: PostingFacts,
): Set<string> {
  const customers = new Set<string>()
  for (let k = from; k < to; k++) {
    const c = facts.customer(contacts[k] as number)
    if (c !== null) customers.add(c)
  }
  return customers
}

const withOwn = (customers: Set<string>, own: string | null): number =>
  customers.size + (own !== null && !customers.has(own) ? 1 : 0)

/** The first position whose contact is at or after `time` in a time-ordered list. */
function firstAtOrAfter(contacts: readonly number[], time: number, facts: PostingFacts): number {
  let [lo, hi] = [0, contacts.length]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (facts.time(contacts[mid] as number) < time) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Sliding window over the contacts in time order, counting distinct customers: O(n) per list. */
function refresh(p: Posting, windowMs: number, facts: PostingFacts): void {
  p.contacts.sort((a, b) => facts.time(a) - facts.time(b) || a - b)
  const n = p.contacts.length
  const out = new Int32Array(n)
  const counts = new Map<string, number>()
  const bump = (i: number, d: number) => {
    const c = facts.customer(p.contacts[i] ?? -1)
    if (c === null) return
    const v = (counts.get(c) ?? 0) + d
    if (v === 0) counts.delete(c)
    else counts.set(c, v)
  }
  let lo = 0
  let hi = 0
  const all = new Set<string>()
  for (let i = 0; i < n; i++) {
    const t = facts.time(p.contacts[i] ?? -1)
    while (hi < n && facts.time(p.contacts[hi] ?? -1) <= t + windowMs) bump(hi++, 1)
    while (lo < n && facts.time(p.contacts[lo] ?? -1) < t - windowMs) bump(lo++, -1)
    out[i] = counts.size
    const c = facts.customer(p.contacts[i] ?? -1)
    if (c !== null) all.add(c)
  }
  p.windowCustomers = out
  p.totalCustomers = all.size
  p.position = n > 16 ? new Map(p.contacts.map((c, i) => [c, i])) : null
  p.stretch = null
  p.dirty = false
}
