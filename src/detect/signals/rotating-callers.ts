// Several numbers, none on file, each speaking as the customer within days: the customer's side of
// impersonation. A genuine borrower has one phone, and a new one at most; an agency rotates its lines
// every few days and answers as the customer from whichever it holds. Weighed so that two numbers
// alone stay low: with a multi-channel push, or from a third number on, they describe an agency.
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'
import { speaksLikeRepresentative } from '../representative.js'
import { customerRepeats } from './customer-repeats.js'
import type { SignalModule } from './signal.js'
import { contactRef, hit, identifierRef, MAX_EVIDENCE } from './signal.js'

/** Distinct numbers not on file it takes before the pattern means anything. */
export const MIN_ROTATING_NUMBERS = 2

/** A sender who declares no other role speaks as the customer (or hides who they are). */
function speaksAsCustomer(c: ContactFacts): boolean {
  return c.callerRole === null || c.callerRole === 'self' || c.callerRole === 'unknown'
}

/** The numbers not on file for the customer that spoke as the customer around this contact. */
export function rotatingNumbers(
  index: DetectionIndex,
  contact: ContactFacts,
  windowDays: number,
): { phones: Map<string, ContactFacts[]> } | null {
  const r = customerRepeats(index, contact, windowDays)
  if (!r) return null
  const phones = new Map<string, ContactFacts[]>()
  for (const c of r.around) {
    const phone = c.callerPhone
    if (!phone || !speaksAsCustomer(c) || index.isOnFileFor(c.customerId, phone)) continue
    const list = phones.get(phone)
    if (list) list.push(c)
    else phones.set(phone, [c])
  }
  return { phones }
}

export const rotatingCallers: SignalModule = {
  code: 'rotating_callers',
  describes: 'several numbers not on file speak as the same customer within days',
  detect({ index, contact, settings }) {
    if (!contact.customerId) return null
    // The customer's own number on file, or their own plain words without one, are the customer.
    const phone = contact.callerPhone
    if (phone) {
      if (!speaksAsCustomer(contact) || index.isOnFileFor(contact.customerId, phone)) return null
    } else if (!speaksLikeRepresentative(index, contact)) return null
    const found = rotatingNumbers(index, contact, settings.repeat_window_days)
    if (!found) return null
    // A call being screened is not indexed yet: its own number counts with the others.
    if (phone && !found.phones.has(phone)) found.phones.set(phone, [])
    const n = found.phones.size
    if (n < MIN_ROTATING_NUMBERS) return null
    const weight =
      (settings.signals.rotating_callers?.weight ?? 0.3) +
      Math.min(0.3, 0.1 * (n - MIN_ROTATING_NUMBERS))
    const others = [...found.phones.values()]
      .flat()
      .filter((c) => c.idx !== contact.idx)
      .slice(0, MAX_EVIDENCE)
    return hit(
      'rotating_callers',
      weight,
      `${settings.repeat_window_days} 天内有 ${n} 个不在档案中的号码以客户本人名义联系，真实客户通常只有一个号码`,
      `${n} numbers not on file spoke as this customer within ${settings.repeat_window_days} days; a genuine customer has one phone`,
      [
        ...[...found.phones.keys()].slice(0, 5).map((p) => identifierRef(p)),
        ...others.map((c) => contactRef(c.contactId)),
      ],
    )
  },
}
