// Real-time screening for a ringing call: from the caller's number (and the customer, when the IVR
// knows it) to risk, categories, reasons and the script to follow, from the in-memory index alone.
import type { Category, Risk, Severity, Signal } from '../contract/index.js'
import { phoneIdentifier } from '../links/identifier.js'
import type { Detector } from './detector.js'
import type { Gang } from './gangs.js'
import { responseFindingsOf } from './response-findings.js'
import { evaluateRules } from './rules/evaluate-rules.js'
import { signalModules } from './signals/index.js'
import { applyCustomerConfirmation } from './signals/response-findings.js'
import type { ContactFacts } from './contact-facts.js'

export type ScreenRequest = { phone: string; customerId?: string; at?: Date }

export type ScreenResult = {
  phone: string | null
  customer_id: string | null
  risk: Risk
  severity: Severity | null
  categories: Category[]
  reasons: { code: string; 'zh-CN': string; en: string }[]
  signals: Signal[]
  recommended_script: string
  /** The customer confirmed authorising this caller: trusted for this customer only, and why. */
  trusted_representative: TrustedRepresentative | null
  recent_contacts: { contact_id: string; channel: string; received_at: string }[]
  rules_version: string
}

export type TrustedRepresentative = {
  task_id: string
  confirmed_at: string
  'zh-CN': string
  en: string
}

/** Screens as if the call were a new contact: the same signals and rules as batch assessment. */
export function screen(detector: Detector, req: ScreenRequest): ScreenResult {
  const index = detector.index
  const phone = phoneIdentifier(req.phone)?.identifier ?? null
  const customerId = req.customerId ?? (phone ? index.customers.soleOwner(phone) : null)
  const probe: ContactFacts = {
    idx: -1,
    contactId: '(incoming call)',
    customerId,
    time: (req.at ?? new Date()).getTime(),
    channel: 'call',
    source: 'hotline',
    callerRole: phone && customerId && index.isOnFileFor(customerId, phone) ? 'self' : 'unknown',
    callerPhone: phone,
    callerNameKey: null,
    claimedNameKey: null,
    links: phone ? [{ identifier: phone, role: 'caller' }] : [],
    claimedIdentifiers: [],
    participants: [],
    attachments: [],
    demands: [],
    grayScore: 0,
    grayHits: [],
    refusal: null,
    textChars: 0,
    allianceNamed: false,
    hardshipCertificate: false,
    lawyerOfFirm: false,
    textPhones: [],
    statedPhones: [],
  }
  const signals = probeSignals(detector, probe)
  const outcome = evaluateRules(detector.rules, signals, 'call')
  return {
    phone,
    customer_id: customerId,
    risk: outcome.risk,
    severity: outcome.severity,
    categories: outcome.categories,
    reasons: signals.map((s) => ({ code: s.code, ...s.explanation })),
    signals,
    recommended_script: outcome.action.startsWith('script:')
      ? outcome.action.slice(7)
      : scriptFor(outcome.action),
    trusted_representative: trustedRepresentative(detector, probe),
    recent_contacts: recent(detector, customerId),
    rules_version: detector.rules.version,
  }
}

/** The batch detector's signals for the probe: enabled modules, the gang, the customer's word. */
function probeSignals(detector: Detector, probe: ContactFacts): Signal[] {
  const input = { index: detector.index, contact: probe, settings: detector.settings }
  const out = signalModules
    .filter((m) => detector.settings.signals[m.code]?.enabled !== false)
    .map((m) => m.detect(input))
    .filter((s): s is Signal => s !== null)
  // The probe is not in the index yet: a number already in a gang brings the gang's weight.
  const gang = gangOfNumber(detector, probe)
  if (gang && detector.settings.signals.gang_link?.enabled !== false) {
    out.push({
      code: 'gang_link',
      weight: detector.settings.signals.gang_link?.weight ?? 0.55,
      explanation: {
        'zh-CN': `该号码属于疑似团伙 ${gang.id}（涉及 ${gang.customers} 位客户）`,
        en: `this number belongs to suspected group ${gang.id} (${gang.customers} customers)`,
      },
      evidence: [
        { kind: 'gang', id: gang.id },
        ...(probe.callerPhone ? [{ kind: 'identifier' as const, id: probe.callerPhone }] : []),
      ],
    })
  }
  // The customer's own call that follows an agency's push for them: checked with them, as in batch.
  const follow = detector.followOnHit(probe, out)
  if (follow) out.push(follow)
  // A denial already came in as customer_denied_authority; a confirmation lowers the
  // representative's behaviour signals for this customer, exactly as in batch assessment.
  return applyCustomerConfirmation(out, probe, detector.index)
}

function trustedRepresentative(
  detector: Detector,
  probe: ContactFacts,
): TrustedRepresentative | null {
  const o = responseFindingsOf(detector.index).outcomeFor(probe)
  if (o?.outcome !== 'confirmed') return null
  return {
    task_id: o.taskId,
    confirmed_at: o.at,
    'zh-CN': `客户本人已确认授权此来电人代为办理（核实任务 ${o.taskId}），仅对该客户可信；伪造或重复使用的材料仍照常提示`,
    en: `the customer confirmed authorising this caller (verification ${o.taskId}): trusted for this customer only; forged or reused materials are still flagged`,
  }
}

/**
 * The gang any earlier contact of the calling number belongs to, latest first. The customer's own
 * number on file is theirs, not the group's (their case may sit in a gang the agency worked).
 */
function gangOfNumber(detector: Detector, probe: ContactFacts): Gang | undefined {
  const phone = probe.callerPhone
  if (!phone || detector.index.isOnFileFor(probe.customerId, phone)) return undefined
  const earlier = detector.index.postings.contactsOf(phone)
  for (let k = earlier.length - 1; k >= 0; k--) {
    const gang = detector.gangOf(earlier[k] ?? -1)
    if (gang) return gang
  }
  return undefined
}

function scriptFor(action: string): string {
  if (action === 'open-case' || action === 'verify-customer-directly') return 'suspected-agency'
  return 'standard-service'
}

function recent(detector: Detector, customerId: string | null) {
  if (!customerId) return []
  return detector.index
    .contactsOfCustomer(customerId)
    .sort((a, b) => b.time - a.time)
    .slice(0, 5)
    .map((c) => ({
      contact_id: c.contactId,
      channel: c.channel,
      received_at: new Date(c.time).toISOString(),
    }))
}
