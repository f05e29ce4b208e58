// Signals from the response to a contact: what the caller answered the agent's script, and what the
// customer said when asked directly whether they authorised the representative. The customer's
// confirmation lowers the weight of that representative's behaviour signals for that customer.
import type { Signal } from '../../contract/index.js'
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'
import type { VerificationOutcome } from '../response-findings.js'
import { responseFindingsOf } from '../response-findings.js'
import type { SignalModule } from './signal.js'
import { hit } from './signal.js'

function answerSignal(code: string, weight: number, zh: string, en: string): SignalModule {
  return {
    code,
    describes: `call script answer: ${en}`,
    detect({ index, contact, settings }) {
      const found = responseFindingsOf(index)
        .answersOf(contact.contactId)
        .filter((a) => a.code === code)
      if (!found.length) return null
      return hit(code, settings.signals[code]?.weight ?? weight, zh, en, [
        { kind: 'contact', id: contact.contactId, note: `call ${found[0]?.callId ?? ''}` },
      ])
    },
  }
}

export const callerCannotNameLoan = answerSignal(
  'caller_cannot_name_loan',
  0.3,
  '来电人说不出客户的借款信息',
  "the caller could not name the customer's loan",
)
export const refusesMaterials = answerSignal(
  'refuses_materials',
  0.25,
  '代理人拒绝提供授权材料',
  'the representative refused to provide authorisation materials',
)
export const customerWillNotSpeak = answerSignal(
  'customer_will_not_speak',
  0.3,
  '来电人称客户本人不会与我们沟通',
  'the caller says the customer will not speak to us',
)

function outcomeSignal(
  code: string,
  outcome: VerificationOutcome,
  weight: number,
  zh: string,
  en: string,
): SignalModule {
  return {
    code,
    describes: `verification with the customer: ${en}`,
    detect({ index, contact, settings }) {
      const o = responseFindingsOf(index).outcomeFor(contact)
      if (o?.outcome !== outcome) return null
      return hit(code, settings.signals[code]?.weight ?? weight, zh, en, [
        {
          kind: 'customer',
          id: contact.customerId ?? '',
          note: `verification ${o.taskId}: ${outcome}`,
        },
      ])
    },
  }
}

export const customerDeniedAuthority = outcomeSignal(
  'customer_denied_authority',
  'denied',
  0.75,
  '客户本人否认授权该代理人：未经授权代客户投诉',
  'the customer denied authorising this representative: an unauthorised proxy',
)
export const customerRefusedVerification = outcomeSignal(
  'customer_refused_verification',
  'refused',
  0.35,
  '客户拒绝配合身份与授权核实',
  'the customer refused to verify the authorisation',
)
export const customerConfirmedRepresentative = outcomeSignal(
  'customer_confirmed_representative',
  'confirmed',
  0,
  '客户本人已确认授权该代理人，代理行为相关信号权重已下调',
  "the customer confirmed authorising this representative; the representative's behaviour signals weigh less",
)

/** Evidence that stands whoever authorised the representative: a forged document stays forged. */
const NOT_LOWERED = new Set(['reused_evidence', 'reused_certificate', 'watchlist', 'victim_link'])
/** A confirmed representative's behaviour signals keep this share of their weight. */
export const CONFIRMED_WEIGHT_FACTOR = 0.35

/** Lowers the behaviour signals of a representative the customer confirmed, for that customer only. */
export function applyCustomerConfirmation(
  signals: Signal[],
  contact: ContactFacts,
  index: DetectionIndex,
): Signal[] {
  if (responseFindingsOf(index).outcomeFor(contact)?.outcome !== 'confirmed') return signals
  return signals.map((s) =>
    NOT_LOWERED.has(s.code) || s.weight === 0
      ? s
      : { ...s, weight: Math.round(s.weight * CONFIRMED_WEIGHT_FACTOR * 1000) / 1000 },
  )
}

export const responseFindingModules: SignalModule[] = [
  customerDeniedAuthority,
  customerRefusedVerification,
  customerConfirmedRepresentative,
  callerCannotNameLoan,
  refusesMaterials,
  customerWillNotSpeak,
]
