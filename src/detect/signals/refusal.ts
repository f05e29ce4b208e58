// The customer refuses direct contact and points to a representative.
import type { SignalModule } from './signal.js'
import { hit } from './signal.js'

export const refusal: SignalModule = {
  code: 'refusal',
  describes: 'the customer refuses direct contact and points to a representative',
  detect({ contact, settings }) {
    if (!contact.refusal) return null
    return hit(
      'refusal',
      settings.signals.refusal?.weight ?? 0.3,
      `拒绝与客户本人直接沟通（“${contact.refusal}”）`,
      `refuses direct contact with the customer ("${contact.refusal}")`,
      [{ kind: 'text', id: contact.contactId, note: contact.refusal }],
    )
  },
}
