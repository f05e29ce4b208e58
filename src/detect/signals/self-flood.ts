// An individual, with no agency behind them, who repeats the same complaint beyond the complaint
// order. Only the contacts past the threshold count; earlier ones and normal follow-ups do not.
import type { SignalModule } from './signal.js'
import { contactRef, hit, MAX_EVIDENCE } from './signal.js'
import { customerRepeats, fromCustomersSide } from './customer-repeats.js'

export const selfFlood: SignalModule = {
  code: 'self_flood',
  describes: 'an individual repeating the same complaint beyond the complaint order',
  detect({ index, contact, settings }) {
    if (!fromCustomersSide(index, contact)) return null
    const r = customerRepeats(index, contact, settings.repeat_window_days)
    const own = r?.before.filter((c) => fromCustomersSide(index, c)) ?? []
    if (own.length < settings.self_flood_min_contacts) return null
    return hit(
      'self_flood',
      settings.signals.self_flood?.weight ?? 0.55,
      `客户本人在 ${settings.repeat_window_days} 天内第 ${own.length} 次就同一事项投诉，超出正常投诉秩序`,
      `the customer's ${own.length}th complaint within ${settings.repeat_window_days} days, beyond the complaint order`,
      own
        .filter((c) => c.idx !== contact.idx)
        .slice(-MAX_EVIDENCE)
        .map((c) => contactRef(c.contactId)),
    )
  },
}
