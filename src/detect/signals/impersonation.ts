// A caller who says "I am the customer" for two or more different customers from one number that
// is on file for none of them: no genuine person is two borrowers.
import type { SignalModule } from './signal.js'
import { contactRef, hit, identifierRef, MAX_EVIDENCE } from './signal.js'

export const impersonation: SignalModule = {
  code: 'impersonation',
  describes: 'a phone that claimed to be the customer for several different customers',
  detect({ index, contact, settings }) {
    const phone = contact.callerPhone
    if (!phone || contact.callerRole !== 'self' || !contact.customerId) return null
    if (index.isOnFileFor(contact.customerId, phone)) return null
    const windowMs = settings.window_days * 86_400_000
    const claimedFor = new Set<string>()
    const examples: string[] = []
    for (const i of index.postings.contactsOf(phone)) {
      const other = index.contacts[i]
      if (!other?.customerId || other.callerPhone !== phone || other.callerRole !== 'self') continue
      if (
        Math.abs(other.time - contact.time) > windowMs ||
        index.isOnFileFor(other.customerId, phone)
      )
        continue
      if (
        !claimedFor.has(other.customerId) &&
        other.idx !== contact.idx &&
        examples.length < MAX_EVIDENCE
      )
        examples.push(other.contactId)
      claimedFor.add(other.customerId)
    }
    const n = claimedFor.size
    if (n < settings.impersonation_min_customers) return null
    const weight = (settings.signals.impersonation?.weight ?? 0.6) + Math.min(0.3, 0.05 * (n - 2))
    return hit(
      'impersonation',
      weight,
      `该号码以“本人”身份为 ${n} 位不同客户来电，且不是其中任何一位的登记号码`,
      `this number called as "the customer himself" for ${n} different customers and is on file for none of them`,
      [identifierRef(phone, `${n} customers`), ...examples.map((id) => contactRef(id))],
    )
  },
}
