// The shapes of the case, evidence, victim-report and operations-report responses (docs/api.md).
import type { CaseOutcome, CaseState } from '../../../src/cases/case-state'
import { allowedTransitions } from '../../../src/cases/case-state'
import type { EvidenceKind } from '../../../src/evidence/evidence-kinds'
import type { Bilingual, Risk, Severity } from './types'

// The case vocabulary and its moves come from the server's own (dependency-free) module.
export { caseOutcomes, caseStates } from '../../../src/cases/case-state'
export type { CaseOutcome, CaseState }

// So do the evidence kinds and the operations report's figures.
export { evidenceKinds } from '../../../src/evidence/evidence-kinds'
export type { EvidenceKind }
export type { MonthFigures, OperationsReport } from '../../../src/operations-report/month-figures'

/** The moves the server allows; the server refuses the rest. */
export const nextStates: Record<CaseState, readonly CaseState[]> = allowedTransitions

export type Case = {
  case_id: string
  title: string
  summary: string
  state: CaseState
  outcome: CaseOutcome | null
  severity: Severity | null
  severity_reasons: Bilingual[]
  origin_kind: string
  origin_ref: string | null
  gang_id: string | null
  assignee: string | null
  due_at: string | null
  joint: boolean
  joint_partners: { institution: string; reference: string }[]
  amounts: { label: string; fen: number }[]
  police_report_ref: string | null
  police_case_ref: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export type CaseRow = Case & { contacts: number; customers: number; evidence: number }

export type CaseEvent = {
  seq: number
  at: string
  actor: string
  kind: string
  from_state: CaseState | null
  to_state: CaseState | null
  detail: Record<string, unknown>
}

export type EvidenceRow = {
  evidence_id: string
  sha256: string
  size: number
  media_type: string
  kind: EvidenceKind
  filename: string
  description: string
  added_by: string
  added_at: string
  custody: { seq: number; at: string; actor: string; action: string; hash: string }[]
}

export type CaseFile = {
  case: Case
  members: {
    contacts: {
      contact_id: string
      channel: string
      received_at: string
      customer_id: string | null
      risk: Risk | null
      severity: Severity | null
      via: string
      summary: string
    }[]
    customers: { customer_id: string; name: string | null; via: string }[]
    identifiers: { ref: string; identifier: string; kind: string; via: string }[]
  }
  timeline: CaseEvent[]
  evidence: EvidenceRow[]
}

export type VictimReport = {
  contact_id: string
  customer_id: string | null
  received_at: string
  source: string | null
  name: string | null
  text: string
  agency: { name: string | null; organization: string | null; phone: string | null }[]
  gang_id: string | null
  cases: string[]
  suggested_cases: string[]
}
