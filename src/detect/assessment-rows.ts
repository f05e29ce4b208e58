// One assessment as the store's row and as the spec's JSON line. The categories and signals are
// serialised once, for both: the row carries their JSON, and the line is put together from the
// row, so a run that stores and writes a million assessments stringifies each signal list once —
// and the row, a flat list of strings and numbers, is cheap to hand to another thread.
import type { ScoredAssessment } from './detector.js'

export const ASSESSMENT_COLUMNS = [
  'contact_id',
  'risk',
  'severity',
  'categories',
  'signals',
  'gang_id',
  'recommended_action',
  'rules_version',
  'score',
  'assessed_at',
] as const

/** The row's values in ASSESSMENT_COLUMNS order. */
export type AssessmentRow = [
  contactId: string,
  risk: string,
  severity: string | null,
  categories: string,
  signals: string,
  gangId: string | null,
  recommendedAction: string,
  rulesVersion: string,
  score: number,
  assessedAt: string,
]

export const ROW_WIDTH = ASSESSMENT_COLUMNS.length

export function assessmentRow(a: ScoredAssessment, now: string): AssessmentRow {
  return [
    a.contact_id,
    a.risk,
    a.severity,
    JSON.stringify(a.categories),
    JSON.stringify(a.signals),
    a.gang_id,
    a.recommended_action,
    a.rules_version,
    a.score,
    now,
  ]
}

/**
 * The spec's assessments.jsonl line of a row: the same text as JSON.stringify of the interchange
 * assessment (toInterchange), key for key.
 */
export function assessmentLine(row: AssessmentRow): string {
  const q = JSON.stringify
  const [id, risk, severity, categories, signals, gang, action, version] = row
  return (
    `{"contact_id":${q(id)},"risk":${q(risk)},"severity":${q(severity)},` +
    `"categories":${categories},"signals":${signals},"gang_id":${q(gang)},` +
    `"recommended_action":${q(action)},"rules_version":${q(version)}}`
  )
}
