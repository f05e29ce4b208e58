// One customer's contacts in the repeat window, counted across channels. Shared by the orchestrated-
// repeat and complaint-order signals: the same count means different things with or without an agency.
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'

export type Repeats = { before: ContactFacts[]; around: ContactFacts[]; channels: Set<string> }

export function customerRepeats(
  index: DetectionIndex,
  contact: ContactFacts,
  windowDays: number,
): Repeats | null {
  if (!contact.customerId) return null
  const windowMs = windowDays * 86_400_000
  const all = index
    .contactsOfCustomer(contact.customerId)
    .filter((c) => c.channel !== 'victim_report')
  const around = all.filter((c) => Math.abs(c.time - contact.time) <= windowMs)
  const before = all.filter(
    (c) =>
      c.time <= contact.time &&
      contact.time - c.time <= windowMs &&
      (c.time < contact.time || c.idx <= contact.idx),
  )
  return { before, around, channels: new Set(around.map((c) => `${c.channel}:${c.source ?? ''}`)) }
}

/** Whether a contact came from the customer's own side: self role and a phone on file (or none). */
export function fromCustomerThemselves(index: DetectionIndex, c: ContactFacts): boolean {
  if (c.callerRole && c.callerRole !== 'self') return false
  return !c.callerPhone || index.isOnFileFor(c.customerId, c.callerPhone)
}

/** Sent from the phone on file for the customer, as the customer: the channel proves who wrote. */
export function fromVerifiedOwnPhone(index: DetectionIndex, c: ContactFacts): boolean {
  if (c.callerRole && c.callerRole !== 'self') return false
  return c.callerPhone !== null && index.isOnFileFor(c.customerId, c.callerPhone)
}

/**
 * The customer's own number stands behind the contact: it came from the number on file, or, sent
 * without a number (a letter, an e-mail), it asks to be answered only on numbers on file for the
 * customer. Whoever typed it, the lender's answer reaches the customer; an agency that wants the
 * case gives its own line, or none.
 */
export function answeredOnOwnNumber(index: DetectionIndex, c: ContactFacts): boolean {
  if (fromVerifiedOwnPhone(index, c)) return true
  if (c.callerPhone !== null || (c.callerRole && c.callerRole !== 'self')) return false
  if (c.refusal || c.participants.length || !c.statedPhones.length) return false
  return c.statedPhones.every((p) => index.isOnFileFor(c.customerId, p))
}

/**
 * The customer's side as far as the complaint order goes: the customer themselves, or an anonymous
 * post (a public complaint board's user name, no phone, no one else named) that nothing shows to be
 * anyone else. A declared representative, a number not on file or a third party is someone else.
 */
export function fromCustomersSide(index: DetectionIndex, c: ContactFacts): boolean {
  if (fromCustomerThemselves(index, c)) return true
  return (
    c.callerRole === 'unknown' && c.callerPhone === null && !c.participants.length && !c.refusal
  )
}
