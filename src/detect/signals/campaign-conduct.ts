// A customer raised through several channels within days where the push, taken together, shows
// more than one of the agencies' ways of working: a stranger speaking for the customer (a declared
// agent, friend or lawyer, or a number not on file), a third voice on the line, a refusal to let the
// customer be reached, a hardship certificate, an anti-collection group named. Each alone is common
// enough among genuine consumers (a new phone, a relative on the line, a real illness); two of them
// in one push, through several channels, is how an agency works when it rotates its numbers away.
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'
import type { SignalModule } from './signal.js'
import { contactRef, hit, MAX_EVIDENCE } from './signal.js'
import { customerRepeats, fromVerifiedOwnPhone } from './customer-repeats.js'

export type Conduct =
  'stranger' | 'third_voice' | 'refusal' | 'certificate' | 'alliance' | 'vocabulary'

const CONDUCT_ZH: Record<Conduct, string> = {
  stranger: '非本人代为出面',
  third_voice: '通话中有第三人',
  refusal: '拒绝让客户本人沟通',
  certificate: '附困难证明',
  alliance: '提及反催收组织',
  vocabulary: '使用代理维权话术',
}
const CONDUCT_EN: Record<Conduct, string> = {
  stranger: 'someone else speaking for the customer',
  third_voice: 'a third voice on the line',
  refusal: 'refusing direct contact with the customer',
  certificate: 'a hardship certificate',
  alliance: 'an anti-collection group named',
  vocabulary: "the agencies' vocabulary",
}

/** Conduct that shows a person other than the customer in the push. */
const SOMEONE_ELSE: readonly Conduct[] = ['stranger', 'third_voice', 'refusal']

/** Distinct kinds of conduct a campaign needs before it counts. */
const MIN_KINDS = 2

/** The agency-like conduct one contact shows; a relative or the customer's own number is not a stranger. */
export function conductOf(index: DetectionIndex, c: ContactFacts): Conduct[] {
  const out: Conduct[] = []
  const role = c.callerRole
  const stranger =
    role === 'agent' ||
    role === 'friend' ||
    role === 'lawyer' ||
    (role !== 'relative' &&
      c.callerPhone !== null &&
      !fromVerifiedOwnPhone(index, c) &&
      !index.isOnFileFor(c.customerId, c.callerPhone))
  if (stranger) out.push('stranger')
  if (c.participants.length) out.push('third_voice')
  if (c.refusal) out.push('refusal')
  if (c.hardshipCertificate) out.push('certificate')
  if (c.allianceNamed) out.push('alliance')
  if (c.grayScore >= 0.5) out.push('vocabulary')
  return out
}

export const campaignConduct: SignalModule = {
  code: 'campaign_conduct',
  describes: "a multi-channel push that shows two or more of the agencies' ways of working",
  detect({ index, contact, settings }) {
    if (!contact.customerId || contact.channel === 'victim_report') return null
    const r = customerRepeats(index, contact, settings.repeat_window_days)
    if (!r || r.around.length < settings.orchestrated_min_contacts || r.channels.size < 2)
      return null
    // Only what came up to this contact: a consumer's own complaints before an agency took the
    // case over are still the consumer's.
    const kinds = new Map<Conduct, ContactFacts>()
    for (const c of r.before)
      for (const k of conductOf(index, c)) if (!kinds.has(k)) kinds.set(k, c)
    // The customer's own words and papers never make a campaign alone: someone else must be in it.
    if (kinds.size < MIN_KINDS || !SOMEONE_ELSE.some((k) => kinds.has(k))) return null
    const zh = [...kinds.keys()].map((k) => CONDUCT_ZH[k]).join('、')
    const en = [...kinds.keys()].map((k) => CONDUCT_EN[k]).join(', ')
    return hit(
      'campaign_conduct',
      settings.signals.campaign_conduct?.weight ?? 0.35,
      `同一客户 ${settings.repeat_window_days} 天内经 ${r.channels.size} 个渠道的 ${r.around.length} 次投诉中出现多种代理维权的做法：${zh}`,
      `${r.around.length} contacts for this customer through ${r.channels.size} channels within ${settings.repeat_window_days} days show several of the agencies' ways of working: ${en}`,
      [...new Set(kinds.values())]
        .slice(0, MAX_EVIDENCE)
        .map((c) => contactRef(c.contactId, conductOf(index, c).join('+'))),
    )
  },
}
