// Participants besides the caller: a third voice on the line or an agent present at a visit.
import type { SignalModule } from './signal.js'
import { hit } from './signal.js'

const ROLE_FACTOR: Record<string, number> = {
  agent: 1,
  unknown: 0.9,
  friend: 0.8,
  lawyer: 0.5,
  relative: 0.4,
  self: 0.2,
}

export const thirdParty: SignalModule = {
  code: 'third_party',
  describes: 'participants besides the caller (three-way call, accompanying agent)',
  detect({ contact, settings }) {
    if (!contact.participants.length) return null
    const factor = Math.max(
      ...contact.participants.map((p) => ROLE_FACTOR[p.role ?? 'unknown'] ?? 0.9),
    )
    const roles = contact.participants.map((p) => p.role ?? 'unknown').join(', ')
    return hit(
      'third_party',
      (settings.signals.third_party?.weight ?? 0.3) * factor,
      `除来电人外还有 ${contact.participants.length} 名第三方在场（${roles}）`,
      `${contact.participants.length} other participant(s) besides the caller (${roles})`,
      [{ kind: 'contact', id: contact.contactId, note: roles }],
    )
  },
}
