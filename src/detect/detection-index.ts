// The in-memory picture detection reasons over: every contact's facts, who spoke for whom through
// which identifier, what customers have on file, template groups, near-same images, the watchlist
// and what victims reported. Built once from the store, then grown contact by contact.
import type { Contact } from '../contract/index.js'
import type { IdentifierLink } from '../links/identifier.js'
import type { ContactFacts } from './contact-facts.js'
import { adoptFacts } from './contact-facts.js'
import type { PreparedContact } from './prepared-contact.js'
import { prepareContact } from './prepared-contact.js'
import type { Clauses } from './repeated-words.js'
import { IdentifierPostings } from './identifier-postings.js'
import type { PostingFacts } from './identifier-postings.js'
import { PhashIndex } from './phash-index.js'
import { RepeatedWords } from './repeated-words.js'
import { TemplateGroups } from './template-groups.js'
import type { WatchHit } from './watchlist-lookup.js'
import { WatchlistLookup } from './watchlist-lookup.js'
import { CustomersOnFile } from './customers-on-file.js'
import { StringSlots } from './string-slots.js'
import type { CustomerOnFile } from './customers-on-file.js'

/** Attachment kinds whose reuse across customers means a forged or templated document. */
export const EVIDENCE_KINDS = new Set([
  'poa',
  'medical',
  'unemployment',
  'lawyer_letter',
  'id_copy',
])

export type { CustomerOnFile } from './customers-on-file.js'

export type IndexOptions = {
  templateMinChars: number
  templateMinSimilarity?: number
  /** How far back an unlinked post may repeat a customer's own words (the rules' repeat window). */
  repeatWindowDays?: number
}

export class DetectionIndex implements PostingFacts {
  readonly contacts: ContactFacts[] = []
  /** Each contact's index by its id (a contact's facts hold the one copy of the id). */
  readonly byId = new StringSlots((idx) => this.contacts[idx]?.contactId)
  readonly byCustomer = new ContactsByCustomer()
  readonly postings = new IdentifierPostings()
  readonly customers = new CustomersOnFile()
  readonly templates: TemplateGroups
  readonly phashes = new PhashIndex()
  readonly watchlist = new WatchlistLookup()
  /** Identifiers that victims named as the agency that defrauded them, with the reports. */
  readonly victimNamed = new Map<string, number[]>()
  /** Recent customers' own words, to tell whose repeat an anonymous post is. */
  private readonly repeatedWords: RepeatedWords

  constructor(readonly options: IndexOptions = { templateMinChars: 150 }) {
    this.templates = new TemplateGroups(options.templateMinSimilarity)
    this.repeatedWords = new RepeatedWords((options.repeatWindowDays ?? 30) * 86_400_000)
  }

  time(i: number): number {
    return this.contacts[i]?.time ?? 0
  }

  customer(i: number): string | null {
    return this.contacts[i]?.customerId ?? null
  }

  addCustomer(c: CustomerOnFile): void {
    this.customers.set(c)
  }

  /** Adds (or replaces) a contact; returns its index. Texts go to the template groups. */
  addContact(record: Contact, links?: IdentifierLink[]): number {
    return this.addPrepared(prepareContact(record, links, this.options.templateMinChars))
  }

  /** addContact with the record's own part worked out already, maybe on another thread. */
  addPrepared({ facts: prepared, clauses, templateShingles }: PreparedContact): number {
    const facts = adoptFacts(prepared)
    const existing = this.byId.get(facts.contactId)
    const idx = existing ?? this.contacts.length
    facts.idx = idx
    facts.customerId ??= this.resolveCustomer(facts) ?? this.resolveByWords(facts, clauses)
    if (facts.customerId)
      facts.customerId = this.customers.storedId(facts.customerId) ?? facts.customerId
    if (facts.customerId && facts.channel !== 'victim_report' && clauses)
      this.repeatedWords.add(facts.customerId, facts.time, clauses)
    this.contacts[idx] = facts
    // A new contact's slot is its index: both count the contacts added so far.
    if (existing === undefined && this.byId.add(facts.contactId) !== idx)
      throw new Error(
        `contact ${facts.contactId}: the index of ids is out of step with the contacts`,
      )
    if (facts.customerId) this.byCustomer.add(facts.customerId, idx)
    if (facts.channel === 'victim_report') return this.addVictimReport(facts, idx)
    // Each identifier is kept once, in its posting, however many contacts carry it.
    facts.keepIdentifiers((identifier) => this.postings.add(identifier, idx))
    for (const a of facts.attachments)
      if (a.phash && EVIDENCE_KINDS.has(a.kind)) this.phashes.add(a.phash, idx)
    if (templateShingles)
      this.templates.add(idx, facts.customerId ?? `contact:${facts.contactId}`, templateShingles)
    return idx
  }

  /** A victim's report names the agency: its identifiers are marked, not counted as the victim's fan-out. */
  private addVictimReport(facts: ContactFacts, idx: number): number {
    const named = [
      ...facts.links.filter((l) => l.role !== 'device').map((l) => l.identifier),
      ...facts.textPhones,
    ]
    const own = facts.customerId ?? ''
    for (const id of named)
      if (
        !this.customers.isOnFileFor(id, own) &&
        !(facts.callerRole === 'self' && id === facts.callerPhone)
      )
        pushTo(this.victimNamed, id, idx)
    return idx
  }

  /**
   * The customer an unlinked contact is about: a phone or ID number it claims for the customer, else
   * the number it came from when that is on file for exactly one customer and the sender speaks as
   * that customer (no other role, no other name). A relative or agent calling from their own phone
   * is not the phone's owner speaking, so they resolve nobody.
   */
  private resolveCustomer(facts: ContactFacts): string | null {
    for (const id of facts.claimedIdentifiers) {
      const owner = this.customers.soleOwner(id)
      if (owner !== null) return owner
    }
    if (!facts.callerPhone || (facts.callerRole !== null && facts.callerRole !== 'self'))
      return null
    const owner = this.customers.soleOwner(facts.callerPhone)
    if (owner === null) return null
    const onFile = this.customers.nameKey(owner)
    const named = facts.callerNameKey ?? facts.claimedNameKey
    return named && onFile && named !== onFile ? null : owner
  }

  /**
   * An unlinked post in a customer's own recent words, sent as that customer (a board user name, or
   * their own name): the customer repeating themselves. Anyone declaring another role, a third party
   * on the line, or another name claimed for the customer resolves nobody.
   */
  private resolveByWords(facts: ContactFacts, clauses: Clauses | null): string | null {
    if (!clauses || facts.channel === 'victim_report' || facts.participants.length) return null
    const role = facts.callerRole
    if (role !== null && role !== 'self' && role !== 'unknown') return null
    const owner = this.repeatedWords.resolve(clauses)
    if (owner === null) return null
    const onFile = this.customers.nameKey(owner)
    // A board's user name is no name; a real one must be the customer's.
    const named = facts.claimedNameKey ?? (role === 'unknown' ? null : facts.callerNameKey)
    return named && onFile && named !== onFile ? null : owner
  }

  contactsOfCustomer(customerId: string): ContactFacts[] {
    return this.byCustomer
      .get(customerId)
      .map((i) => this.contacts[i])
      .filter((c): c is ContactFacts => Boolean(c))
  }

  watchHits(identifier: string, at: number): WatchHit[] {
    return this.watchlist.hits(identifier, at)
  }

  /** Contacts whose assessment may change when this one arrives: same identifiers, customer or template. */
  neighbours(idx: number): Set<number> {
    const c = this.contacts[idx]
    const out = new Set<number>([idx])
    if (!c) return out
    for (const l of c.links) for (const i of this.postings.contactsOf(l.identifier)) out.add(i)
    for (const i of c.customerId ? this.byCustomer.get(c.customerId) : []) out.add(i)
    for (const i of this.templates.groupOf(idx)?.members ?? []) out.add(i)
    for (const id of c.textPhones) for (const i of this.postings.contactsOf(id)) out.add(i)
    return out
  }

  isOnFileFor(customerId: string | null, identifier: string): boolean {
    return customerId !== null && this.customers.isOnFileFor(identifier, customerId)
  }
}

/**
 * The contacts of each customer. Most customers on a book contact the lender once: such a
 * customer maps to the bare contact number, a list only from the second contact on.
 */
export class ContactsByCustomer {
  private readonly lists = new Map<string, number | number[]>()

  get(customerId: string): readonly number[] {
    const l = this.lists.get(customerId)
    return l === undefined ? NO_CONTACTS : typeof l === 'number' ? [l] : l
  }

  add(customerId: string, idx: number): void {
    const l = this.lists.get(customerId)
    if (l === undefined) this.lists.set(customerId, idx)
    else if (typeof l === 'number') {
      if (l !== idx) this.lists.set(customerId, [l, idx])
    } else if (!l.includes(idx)) l.push(idx)
  }

  /** Every customer's contacts, in no particular order of customers. */
  *all(): IterableIterator<readonly number[]> {
    for (const l of this.lists.values()) yield typeof l === 'number' ? [l] : l
  }
}

const NO_CONTACTS: readonly number[] = Object.freeze([])

function pushTo<K>(map: Map<K, number[]>, key: K, v: number): void {
  const list = map.get(key)
  if (!list) map.set(key, [v])
  else if (!list.includes(v)) list.push(v)
}
