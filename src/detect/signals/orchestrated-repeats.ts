// The same customer pushed through several channels within days while agency identifiers are
// around: a campaign, not a consumer following up.
import type { SignalModule } from './signal.js'
import { contactRef, hit, MAX_EVIDENCE } from './signal.js'
import { customerRepeats } from './customer-repeats.js'

export const orchestratedRepeats: SignalModule = {
  code: 'orchestrated_repeats',
  describes: 'the same customer pushed through several channels within days',
  detect({ index, contact, settings }) {
    const r = customerRepeats(index, contact, settings.repeat_window_days)
    if (!r || r.around.length < settings.orchestrated_min_contacts || r.channels.size < 2)
      return null
    const weight =
      (settings.signals.orchestrated_repeats?.weight ?? 0.35) +
      Math.min(0.2, 0.04 * (r.around.length - settings.orchestrated_min_contacts))
    const channels = [...r.channels].map((c) => c.replace(/:$/, '')).join(', ')
    return hit(
      'orchestrated_repeats',
      weight,
      `同一客户在 ${settings.repeat_window_days} 天内经 ${r.channels.size} 个渠道被反复投诉 ${r.around.length} 次（${channels}）`,
      `the same customer was raised ${r.around.length} times through ${r.channels.size} channels within ${settings.repeat_window_days} days (${channels})`,
      r.around
        .filter((c) => c.idx !== contact.idx)
        .slice(0, MAX_EVIDENCE)
        .map((c) => contactRef(c.contactId)),
    )
  },
}
