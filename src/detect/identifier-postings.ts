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
}

export type PostingFacts = { time(i: number): number; customer(i: number): string | null }

export class IdentifierPostings {
  private readonly lists = new Map<string, Posting>()

  /** Adds the contact to the identifier's list; returns the identifier's one stored copy. */
  add(identifier: string, contactIdx: number): string {
    let p = this.lists.get(identifier)
    if (!p) {
      p = {
        identifier,
        contacts: [],
        dirty: true,
        windowCustomers: null,
        totalCustomers: 0,
        position: null,
      }
      this.lists.set(identifier, p)
    }
    if (p.contacts[p.contacts.length - 1] !== contactIdx) p.contacts.push(contactIdx)
    p.dirty = true
    return p.identifier
  }

  get(identifier: string): Posting | undefined {
    return this.lists.get(identifier)
  }

  contactsOf(identifier: string): readonly number[] {
    return this.lists.get(identifier)?.contacts ?? []
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
    if (!p) return 0
    if (p.dirty || !p.windowCustomers) refresh(p, windowMs, facts)
    const pos =
      contact.idx < 0
        ? -1
        : p.position
          ? (p.position.get(contact.idx) ?? -1)
          : p.contacts.indexOf(contact.idx)
    if (pos >= 0) return p.windowCustomers?.[pos] ?? 0
    const seen = new Set<string>(contact.customerId ? [contact.customerId] : [])
    for (const i of p.contacts) {
      const c = facts.customer(i)
      if (c !== null && Math.abs(facts.time(i) - contact.time) <= windowMs) seen.add(c)
    }
    return seen.size
  }

  totalCustomers(identifier: string, windowMs: number, facts: PostingFacts): number {
    const p = this.lists.get(identifier)
    if (!p) return 0
    if (p.dirty || !p.windowCustomers) refresh(p, windowMs, facts)
    return p.totalCustomers
  }
}

/**
 * Most identifiers are carried by one contact: their counts are one of two shared, never-written
 * arrays instead of a typed array each (a million of those weigh ~200 MB).
 */
const ONE_CUSTOMER = Int32Array.of(1)
const NO_CUSTOMER = Int32Array.of(0)

/** Sliding window over the contacts in time order, counting distinct customers: O(n) per list. */
function refresh(p: Posting, windowMs: number, facts: PostingFacts): void {
  if (p.contacts.length === 1) {
    const known = facts.customer(p.contacts[0] ?? -1) !== null
    p.windowCustomers = known ? ONE_CUSTOMER : NO_CUSTOMER
    p.totalCustomers = known ? 1 : 0
    p.position = null
    p.dirty = false
    return
  }
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
  p.dirty = false
}
