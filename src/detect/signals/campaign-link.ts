// One customer's push, where another contact within days carries an agency's own marks (a number
// that spoke for several customers, one a victim reported or the watchlist holds, a template letter,
// a document passed round): this contact, also from someone other than the customer, is the same
// campaign. Gangs do this for groups of three customers and more; a small agency of two or three
// clients is caught the same way. The customer's own contacts — their number on file, their own
// words — never join: a consumer who complained before signing up is still a consumer.
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'
import type { DetectionSettings } from '../rules/rule-set.js'
import { customerRepeats, fromVerifiedOwnPhone } from './customer-repeats.js'
import { fanOut } from './fan-out.js'
import { impersonation } from './impersonation.js'
import { reusedCertificate, reusedEvidence } from './reused-evidence.js'
import type { SignalHit, SignalModule } from './signal.js'
import { contactRef, hit } from './signal.js'
import { templateText } from './template-text.js'
import { victimLink } from './victim-link.js'
import { watchlistSignal } from './watchlist.js'

/** Signals that mark a contact itself as an agency's work: an anchor for the rest of the push. */
const ANCHORS: readonly SignalModule[] = [
  victimLink,
  watchlistSignal,
  fanOut,
  impersonation,
  reusedCertificate,
  reusedEvidence,
  templateText,
]

/** The agencies' vocabulary score from which a letter without a number speaks like one. */
const AGENCY_WORDS = 0.4

/**
 * Someone other than the customer, by who they are: a declared agent, friend or lawyer, a third
 * voice, a refusal to let the customer be reached, or a number not on file speaking as the
 * customer. The customer's own number on file is the customer, whatever they ask for; a relative on
 * their own phone is family, not a campaign.
 */
export function senderNotTheCustomer(index: DetectionIndex, c: ContactFacts): boolean {
  if (fromVerifiedOwnPhone(index, c)) return false
  if (c.refusal || c.participants.length) return true
  const role = c.callerRole
  if (role === 'agent' || role === 'friend' || role === 'lawyer') return true
  if (role === 'relative') return false
  return c.callerPhone !== null && !index.isOnFileFor(c.customerId, c.callerPhone)
}

/** ... or, with no number to check, in the agencies' words. */
export function notTheCustomer(index: DetectionIndex, c: ContactFacts): boolean {
  if (senderNotTheCustomer(index, c)) return true
  return c.callerPhone === null && c.grayScore >= AGENCY_WORDS && c.callerRole !== 'relative'
}

/** The agency's own marks on one contact, if it carries any (the first that fires). */
export function agencyMarkOf(
  index: DetectionIndex,
  c: ContactFacts,
  settings: DetectionSettings,
): SignalHit | null {
  if (c.channel === 'victim_report') return null
  for (const m of ANCHORS) {
    if (settings.signals[m.code]?.enabled === false) continue
    const h = m.detect({ index, contact: c, settings })
    if (!h) continue
    // Consumers paste circulating templates into their own letters: shared words mark an agency
    // only when someone other than the customer sent them.
    if (h.code === 'own_template' || (h.code === 'template_text' && !notTheCustomer(index, c)))
      continue
    return h
  }
  return null
}

export const campaignLink: SignalModule = {
  code: 'campaign_link',
  describes: "another contact of the same customer's push carries an agency's own marks",
  detect({ index, contact, settings }) {
    if (!contact.customerId || !notTheCustomer(index, contact)) return null
    const r = customerRepeats(index, contact, settings.repeat_window_days)
    if (!r || r.around.length < 2) return null
    for (const other of r.around) {
      if (other.idx === contact.idx) continue
      const anchor = agencyMarkOf(index, other, settings)
      if (!anchor) continue
      return hit(
        'campaign_link',
        settings.signals.campaign_link?.weight ?? 0.45,
        `同一客户 ${settings.repeat_window_days} 天内的另一次联系带有代理机构的标记（${anchor.explanation['zh-CN']}），本次联系同样不是客户本人`,
        `another contact for this customer within ${settings.repeat_window_days} days carries an agency's marks (${anchor.explanation.en}), and this one too is not the customer`,
        [contactRef(other.contactId, anchor.code), ...anchor.evidence.slice(0, 2)],
      )
    }
    return null
  },
}
