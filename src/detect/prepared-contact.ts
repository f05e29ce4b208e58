// What the detection index needs of a contact, worked out from its record alone: the facts, the
// clauses of the complainant's words (to tell whose repeat an unlinked post is) and, for a text
// long enough to be a template, its shingles. Nothing here reads the index, so a million records
// can be prepared on another thread (facts-worker.ts) while this one stores and indexes them.
import type { Contact } from '../contract/index.js'
import type { IdentifierLink } from '../links/identifier.js'
import { maskSlots, shingles } from '../text/index.js'
import { complainantText } from './complainant-text.js'
import type { ContactFacts } from './contact-facts.js'
import { contactFacts } from './contact-facts.js'
import type { Clauses } from './repeated-words.js'
import { clausesOf } from './repeated-words.js'

export type PreparedContact = {
  /** `idx` is -1 until the index places the contact. */
  facts: ContactFacts
  /** The clauses of what the complainant wrote or said; null when they wrote nothing. */
  clauses: Clauses | null
  /** Shingles of a text long enough to be compared as a template; null otherwise. */
  templateShingles: Uint32Array | null
}

export function prepareContact(
  record: Contact,
  links: IdentifierLink[] | undefined,
  templateMinChars: number,
): PreparedContact {
  const facts = contactFacts(-1, record, links)
  const words = record.text ? complainantText(record.text) : ''
  const template =
    !facts.lawyerOfFirm &&
    facts.channel !== 'victim_report' &&
    words.replace(/\s/g, '').length >= templateMinChars
  return {
    facts,
    clauses: words ? clausesOf(words) : null,
    templateShingles: template ? shingles(maskSlots(words)) : null,
  }
}
