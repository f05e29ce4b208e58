// Signals from the caller's voice: not the enrolled customer who is claimed, a known agent, one
// voice calling as several borrowers. Each shows its score against the calibrated threshold.
import type { EvidenceRef } from '../../contract/index.js'
import { voiceFindingsOf } from '../voice-findings.js'
import type { StoredVoiceFinding } from '../voice-findings.js'
import type { SignalModule } from './signal.js'
import { hit, MAX_EVIDENCE } from './signal.js'

type Explain = (f: StoredVoiceFinding) => { zh: string; en: string; evidence: EvidenceRef[] }

function voiceSignal(code: string, weight: number, explain: Explain): SignalModule {
  return {
    code,
    describes: `voiceprint: ${code.replaceAll('_', ' ')}`,
    detect({ index, contact, settings }) {
      const finding = voiceFindingsOf(index)
        .get(contact.contactId)
        ?.find((f) => f.code === code)
      if (!finding) return null
      const { zh, en, evidence } = explain(finding)
      return hit(code, settings.signals[code]?.weight ?? weight, zh, en, evidence)
    },
  }
}

const explanations: Record<string, Explain> = {}

function explained(code: string, weight: number, explain: Explain): SignalModule {
  explanations[code] = explain
  return voiceSignal(code, weight, explain)
}

const scored = (f: StoredVoiceFinding): string =>
  `${f.score.toFixed(2)} (threshold ${f.threshold.toFixed(2)})`

export const voiceNotCustomer = explained('voice_not_customer', 0.4, (f) => ({
  zh: `来电声音与所称客户的登记声纹不符，相似度 ${scored(f)}`,
  en: `the caller's voice does not match the claimed customer's enrolled voiceprint: ${scored(f)}`,
  evidence: f.matched.map((id) => ({ kind: 'customer', id, note: 'enrolled voiceprint' })),
}))

export const voiceKnownAgent = explained('voice_known_agent', 0.6, (f) => ({
  zh: `来电声音与已知代理人声纹相符，相似度 ${scored(f)}`,
  en: `the caller's voice matches a known agent's voice: ${scored(f)}`,
  evidence: f.matched.map((id) => ({ kind: 'watchlist', id, note: 'known agent voice' })),
}))

export const voiceManyBorrowers = explained('voice_many_borrowers', 0.5, (f) => ({
  zh: `同一声音曾以其他借款人身份来电（${f.matched.length} 通），最高相似度 ${scored(f)}`,
  en: `the same voice has called as other borrowers (${f.matched.length} calls), best ${scored(f)}`,
  evidence: f.matched
    .slice(0, MAX_EVIDENCE)
    .map((id) => ({ kind: 'contact', id, note: 'same voice' })),
}))

/** The same explanation the signal gives, for the voice matches shown on a contact. */
export function explainVoiceFinding(f: StoredVoiceFinding): { zh: string; en: string } | null {
  const explain = explanations[f.code]
  if (!explain) return null
  const { zh, en } = explain(f)
  return { zh, en }
}

export const voiceThirdVoice = explained('voice_third_voice', 0.3, (f) => ({
  zh: `通话同一侧出现 ${f.matched.length} 个额外声音（三方通话），与主要说话人的相似度 ${scored(f)}`,
  en: `${f.matched.length} more voice(s) on the same side of the call (three-way call), similarity to the main speaker ${scored(f)}`,
  // The voices are this call's own: the segments to listen to are shown with the voice matches.
  evidence: [],
}))

export const voiceSignalModules: SignalModule[] = [
  voiceNotCustomer,
  voiceKnownAgent,
  voiceManyBorrowers,
  voiceThirdVoice,
]
