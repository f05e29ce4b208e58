// The life of a case, as the anti-gray-industry team runs it: a lead is investigated, a police
// report is prepared and made, the police file it (or not), and the case is closed with an
// outcome. Only the moves in `allowedTransitions` exist; every move is made by someone, for a reason.
export const caseStates = [
  'lead',
  'investigating',
  'preparing_report',
  'reported',
  'filed',
  'closed',
] as const
export type CaseState = (typeof caseStates)[number]

export const caseOutcomes = [
  /** The police concluded the case (prosecution, judgement). */
  'prosecuted',
  /** The police declined to file (不予立案). */
  'police_declined',
  /** Not enough evidence to report. */
  'insufficient_evidence',
  /** The customers came back to deal with the lender themselves; no report needed. */
  'resolved_with_customers',
  /** Verified: no agency behind these contacts. */
  'not_gray_industry',
  /** Merged into another case. */
  'merged',
] as const
export type CaseOutcome = (typeof caseOutcomes)[number]

export const allowedTransitions: Record<CaseState, readonly CaseState[]> = {
  lead: ['investigating', 'closed'],
  investigating: ['preparing_report', 'closed'],
  // Back to investigating when the report needs more evidence.
  preparing_report: ['reported', 'investigating', 'closed'],
  reported: ['filed', 'closed'],
  filed: ['closed'],
  // Reopened when new evidence arrives; the earlier outcome stays in the timeline.
  closed: ['investigating'],
}

export const caseStateLabels: Record<CaseState, { 'zh-CN': string; en: string }> = {
  lead: { 'zh-CN': '线索', en: 'Lead' },
  investigating: { 'zh-CN': '调查取证', en: 'Investigating' },
  preparing_report: { 'zh-CN': '筹备报案', en: 'Preparing report' },
  reported: { 'zh-CN': '已报案', en: 'Reported to police' },
  filed: { 'zh-CN': '已立案', en: 'Filed by police' },
  closed: { 'zh-CN': '结案', en: 'Closed' },
}

export const caseOutcomeLabels: Record<CaseOutcome, { 'zh-CN': string; en: string }> = {
  prosecuted: { 'zh-CN': '已移送起诉或判决', en: 'Prosecuted' },
  police_declined: { 'zh-CN': '公安不予立案', en: 'Police declined to file' },
  insufficient_evidence: { 'zh-CN': '证据不足', en: 'Insufficient evidence' },
  resolved_with_customers: { 'zh-CN': '客户回归自主协商', en: 'Resolved with the customers' },
  not_gray_industry: { 'zh-CN': '经核实非代理维权', en: 'Not gray industry' },
  merged: { 'zh-CN': '并案处理', en: 'Merged into another case' },
}

export function canTransition(from: CaseState, to: CaseState): boolean {
  return allowedTransitions[from].includes(to)
}

/** States a case has passed through once it reaches `state` on the usual path. */
export function isActive(state: CaseState): boolean {
  return state !== 'closed'
}
