// A customer raised through several channels within days where the contacts speak the agencies'
// full vocabulary (停息挂账, 征信修复, threats to regulators …) again and again: an agency's campaign
// even when the identifiers behind it were rotated away. A genuine follow-up rarely repeats it.
import type { SignalModule } from './signal.js'
import { contactRef, hit, MAX_EVIDENCE } from './signal.js'
import { senderNotTheCustomer } from './campaign-link.js'
import { customerRepeats, fromCustomersSide } from './customer-repeats.js'

/** The agency vocabulary score (0..1) a contact needs to count as speaking it. */
const AGENCY_VOCABULARY = 0.5
/** Contacts of the campaign that must speak it. */
const MIN_SPEAKING = 2

export const campaignLanguage: SignalModule = {
  code: 'campaign_language',
  describes: 'a multi-channel push whose contacts repeat the agencies vocabulary',
  detect({ index, contact, settings }) {
    // The contacts that speak it, and the others of the same push that come from someone other
    // than the customer (an unregistered number, a declared representative): one campaign.
    const speaks = contact.grayScore >= AGENCY_VOCABULARY
    if (!speaks && !senderNotTheCustomer(index, contact)) return null
    const r = customerRepeats(index, contact, settings.repeat_window_days)
    if (!r || r.around.length < settings.orchestrated_min_contacts || r.channels.size < 2)
      return null
    const speaking = r.around.filter((c) => c.grayScore >= AGENCY_VOCABULARY)
    if (speaking.length < MIN_SPEAKING) return null
    // An individual repeating themselves — from their own phone, or as an anonymous poster nothing
    // shows to be anyone else — is the complaint-order case, not this.
    if (r.around.every((c) => fromCustomersSide(index, c) && !c.refusal && !c.participants.length))
      return null
    const alsoZh = speaks ? '' : '；本次联系同样不是客户本人'
    const alsoEn = speaks ? '' : '; this one too is not the customer'
    return hit(
      'campaign_language',
      settings.signals.campaign_language?.weight ?? 0.3,
      `同一客户 ${settings.repeat_window_days} 天内经多个渠道的 ${speaking.length} 次投诉都使用代理维权的整套话术${alsoZh}`,
      `${speaking.length} contacts for this customer through several channels within ${settings.repeat_window_days} days all use the agencies' vocabulary${alsoEn}`,
      speaking
        .filter((c) => c.idx !== contact.idx)
        .slice(0, MAX_EVIDENCE)
        .map((c) => contactRef(c.contactId)),
    )
  },
}
