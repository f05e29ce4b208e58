// A customer raised through several channels within days where the contacts speak the agencies'
// full vocabulary (停息挂账, 征信修复, threats to regulators …) again and again: an agency's campaign
// even when the identifiers behind it were rotated away. A genuine follow-up rarely repeats it.
import type { SignalModule } from './signal.js'
import { contactRef, hit, MAX_EVIDENCE } from './signal.js'
import { customerRepeats, fromCustomerThemselves } from './customer-repeats.js'

/** The agency vocabulary score (0..1) a contact needs to count as speaking it. */
const AGENCY_VOCABULARY = 0.5
/** Contacts of the campaign that must speak it. */
const MIN_SPEAKING = 2

export const campaignLanguage: SignalModule = {
  code: 'campaign_language',
  describes: 'a multi-channel push whose contacts repeat the agencies vocabulary',
  detect({ index, contact, settings }) {
    if (contact.grayScore < AGENCY_VOCABULARY) return null
    const r = customerRepeats(index, contact, settings.repeat_window_days)
    if (!r || r.around.length < settings.orchestrated_min_contacts || r.channels.size < 2)
      return null
    const speaking = r.around.filter((c) => c.grayScore >= AGENCY_VOCABULARY)
    if (speaking.length < MIN_SPEAKING) return null
    // An individual repeating themselves from their own phone is the complaint-order case, not this.
    if (
      r.around.every(
        (c) => fromCustomerThemselves(index, c) && !c.refusal && !c.participants.length,
      )
    )
      return null
    return hit(
      'campaign_language',
      settings.signals.campaign_language?.weight ?? 0.3,
      `同一客户 ${settings.repeat_window_days} 天内经多个渠道的 ${speaking.length} 次投诉都使用代理维权的整套话术`,
      `${speaking.length} contacts for this customer through several channels within ${settings.repeat_window_days} days all use the agencies' vocabulary`,
      speaking
        .filter((c) => c.idx !== contact.idx)
        .slice(0, MAX_EVIDENCE)
        .map((c) => contactRef(c.contactId)),
    )
  },
}
