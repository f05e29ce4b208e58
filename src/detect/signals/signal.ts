// What every signal module is: a code, a default weight, an explanation in zh-CN and en, and the
// evidence it points at. Signals observe; the rule set decides what they mean.
import type { EvidenceRef, Signal } from '../../contract/index.js'
import type { DetectionIndex } from '../detection-index.js'
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionSettings } from '../rules/rule-set.js'

export type SignalHit = Signal

export type SignalInput = {
  index: DetectionIndex
  contact: ContactFacts
  settings: DetectionSettings
}

export type SignalModule = {
  code: string
  /** One line for the docs and the rule-set viewer. */
  describes: string
  detect(input: SignalInput): SignalHit | null
}

export function hit(
  code: string,
  weight: number,
  zh: string,
  en: string,
  evidence: EvidenceRef[],
): SignalHit {
  return {
    code,
    weight: round(Math.min(0.99, Math.max(0, weight))),
    explanation: { 'zh-CN': zh, en },
    evidence,
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

export function contactRef(id: string, note?: string): EvidenceRef {
  return note ? { kind: 'contact', id, note } : { kind: 'contact', id }
}

export function identifierRef(id: string, note?: string): EvidenceRef {
  return note ? { kind: 'identifier', id, note } : { kind: 'identifier', id }
}

/** Evidence lists stay readable: a handful of examples and a count, not 400 contact ids. */
export const MAX_EVIDENCE = 8
