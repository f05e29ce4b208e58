// Whether a contact speaks for someone other than the customer — the behaviour that turns shared
// identifiers into agency evidence.
import type { ContactFacts } from './contact-facts.js'
import type { DetectionIndex } from './detection-index.js'
import type { DetectionSettings } from './rules/rule-set.js'

/** Genuine consumers ask for 减免 or 协商还款 in their own words; the agencies' full vocabulary scores higher. */
const REPRESENTATIVE_GRAY_SCORE = 0.4

/** Not the customer alone from their own phone: a representative, a third party or the agencies' words. */
export function speaksLikeRepresentative(index: DetectionIndex, c: ContactFacts): boolean {
  if (c.grayScore >= REPRESENTATIVE_GRAY_SCORE || c.refusal || c.participants.length) return true
  if (c.callerRole && c.callerRole !== 'self') return true
  if (c.callerPhone === null || index.isOnFileFor(c.customerId, c.callerPhone)) return false
  // A customer's own new phone is ordinary: it speaks for someone else only under another name.
  const onFile = c.customerId ? index.customers.nameKey(c.customerId) : null
  return c.callerRole === 'self'
    ? Boolean(c.callerNameKey && onFile && c.callerNameKey !== onFile)
    : true
}

/** Accounts on one device this many and more are a ring, whoever writes: no behaviour needed. */
export const RING_ACCOUNTS = 8

const deviceVerdicts = new WeakMap<
  DetectionIndex,
  Map<string, { contacts: number; verdict: boolean }>
>()

/**
 * A household shares a tablet or a router; its members write as themselves. A device or IP counts
 * as an agency's only when at least half of what came through it speaks for someone else, or when
 * it carries a ring's worth of accounts. Other identifier kinds need no such check.
 */
export function deviceSpeaksForOthers(
  index: DetectionIndex,
  identifier: string,
  s: DetectionSettings,
): boolean {
  if (!identifier.startsWith('device:') && !identifier.startsWith('ip:')) return true
  const contacts = index.postings.contactsOf(identifier)
  let memo = deviceVerdicts.get(index)
  if (!memo)
    deviceVerdicts.set(index, (memo = new Map<string, { contacts: number; verdict: boolean }>()))
  const known = memo.get(identifier)
  if (known && known.contacts === contacts.length) return known.verdict
  const windowMs = s.window_days * 86_400_000
  const accounts = index.postings.totalCustomers(identifier, windowMs, index)
  const speaking = contacts.filter((i) => {
    const c = index.contacts[i]
    return c !== undefined && speaksLikeRepresentative(index, c)
  }).length
  const verdict = accounts >= RING_ACCOUNTS || speaking * 2 >= contacts.length
  memo.set(identifier, { contacts: contacts.length, verdict })
  return verdict
}
