// A contact that follows, within days, a contact for the same customer that detection already tied
// to an agency (a gang member through its numbers, documents or templates, or a contact carrying an
// agency's own marks). Once an agency runs a customer's complaint, the customer's own next calls and
// posts in that window are usually the same push — coached, or filed from the customer's account.
// Only what came after counts: a consumer who complained before signing up is still a consumer. A
// customer who has since reported the agency as a scam is its victim, not its client. The flag routes
// the contact to verification with the customer, which is what protects them from the agency's fees.
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'
import type { Gang } from '../gangs.js'
import type { DetectionSettings } from '../rules/rule-set.js'
import { agencyMarkOf, notTheCustomer } from './campaign-link.js'
import type { SignalHit } from './signal.js'
import { contactRef, hit } from './signal.js'

const DAY_MS = 86_400_000

export const PUSH_FOLLOW_ON = 'push_follow_on'

export function pushFollowOn(
  index: DetectionIndex,
  contact: ContactFacts,
  settings: DetectionSettings,
  gangOf: (idx: number) => Gang | undefined,
): SignalHit | null {
  if (!contact.customerId || contact.channel === 'victim_report') return null
  const windowMs = settings.repeat_window_days * DAY_MS
  const earlier = index
    .contactsOfCustomer(contact.customerId)
    .filter((c) => c.idx !== contact.idx && c.time <= contact.time)
  if (earlier.some((c) => c.channel === 'victim_report')) return null
  // Latest first: the nearest agency contact is the one to show.
  const recent = earlier
    .filter((c) => contact.time - c.time <= windowMs)
    .sort((a, b) => b.time - a.time)
  for (const other of recent) {
    const gang = gangOf(other.idx)
    const inGang = gang !== undefined && gang.customers >= settings.gang_min_customers
    // Outside a gang, the push is the agency's only where the agency itself spoke: a mark on the
    // customer's own earlier contact would carry one doubtful flag on to everything they say next.
    const mark =
      inGang || !notTheCustomer(index, other) ? null : agencyMarkOf(index, other, settings)
    if (!inGang && !mark) continue
    const days = Math.max(0, Math.round((contact.time - other.time) / DAY_MS))
    const whyZh = inGang ? `属于团伙 ${gang.id}` : (mark?.explanation['zh-CN'] ?? '')
    const whyEn = inGang ? `a member of group ${gang.id}` : (mark?.explanation.en ?? '')
    return hit(
      PUSH_FOLLOW_ON,
      settings.signals[PUSH_FOLLOW_ON]?.weight ?? 0.4,
      `同一客户 ${days} 天前的联系已被识别为代理机构所为（${whyZh}），本次联系在同一轮投诉之中，请与客户本人核实`,
      `${days} days earlier a contact for this customer was tied to an agency (${whyEn}); this one continues that push — verify with the customer`,
      [
        contactRef(other.contactId, inGang ? 'gang_link' : mark?.code),
        ...(inGang ? [{ kind: 'gang' as const, id: gang.id }] : []),
      ],
    )
  }
  return null
}
