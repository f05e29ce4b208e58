// Scores assessments against the simulator's labels: detection, false positives on genuine
// contacts by kind, categories, severity and gangs. Labels go in first and are kept compactly
// (LabelTable); assessments then stream past, so a million contacts fit in modest memory.
//
// Definitions (a contact is one label; assessments without a label are counted, then ignored):
// - flagged (predicted abnormal) = risk `medium` or `high`; a missing assessment is not flagged.
// - TP = abnormal ∧ flagged, FP = genuine ∧ flagged, FN = abnormal ∧ ¬flagged, TN = the rest.
// - precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN); null on a zero denominator.
// - false-positive rate = FP / genuine contacts, overall and per kind (over its genuine contacts);
//   recall per kind (over its abnormal contacts) and per labelled category (abnormal contacts).
// - category accuracy = among TPs with a labelled category, the share whose predicted categories
//   include it; the confusion table counts, per labelled category, each predicted category of
//   those TPs (`(none)` when a TP has none), so a row may add up to more than its TPs.
// - severity distribution over assessed contacts; risk distribution per kind (`missing` too).
// - gang pairwise precision/recall: see gang-pairs.ts.
import { labelKinds } from '../contract/index.js'
import type { Assessment, Label, Risk } from '../contract/index.js'
import { GangPairCounter } from './gang-pairs.js'
import type { GangPairMetrics } from './gang-pairs.js'
import { LabelTable } from './label-table.js'
import { ratio } from './ratio.js'
import type { Ratio } from './ratio.js'
import { CategoryTally, KindTally, SeverityTally } from './tallies.js'
import type { CategoryConfusionRow, CategoryReport, KindReport, SeverityCounts } from './tallies.js'
import { checkTargets } from './targets.js'
import type { TargetCheck } from './targets.js'

export type { Ratio } from './ratio.js'
export type { GangPairMetrics } from './gang-pairs.js'
export type {
  CategoryConfusionRow,
  CategoryReport,
  KindReport,
  RiskCounts,
  SeverityCounts,
} from './tallies.js'
export type { TargetCheck } from './targets.js'
export { formatReport } from './format-report.js'

export type EvaluationReport = {
  rulesVersions: string[]
  counts: {
    labels: number
    abnormal: number
    genuine: number
    assessments: number
    evaluated: number
    flagged: number
    missingAssessments: number
    unlabelledAssessments: number
    duplicateLabels: number
    duplicateAssessments: number
  }
  confusion: { tp: number; fp: number; fn: number; tn: number }
  precision: Ratio
  recall: Ratio
  f1: Ratio
  falsePositiveRate: Ratio
  byKind: KindReport[]
  byCategory: CategoryReport[]
  categoryAccuracy: {
    truePositives: number
    correct: number
    accuracy: Ratio
    confusion: CategoryConfusionRow[]
  }
  severity: { all: SeverityCounts; abnormal: SeverityCounts; genuine: SeverityCounts }
  gangs: GangPairMetrics
  targets: TargetCheck[]
}

type Prediction = Pick<Assessment, 'risk' | 'severity' | 'categories' | 'gang_id'>

export function isFlagged(a: { risk: Risk }): boolean {
  return a.risk === 'medium' || a.risk === 'high'
}

/** Feed every label, then the assessments (in any order), then call `finish()` once. */
export class EvaluationAccumulator {
  private readonly labels = new LabelTable()
  private readonly confusion = { tp: 0, fp: 0, fn: 0, tn: 0 }
  private readonly kinds: KindTally[] = []
  private readonly categories = new CategoryTally()
  private readonly severity = new SeverityTally()
  private readonly gangs = new GangPairCounter()
  private readonly rulesVersions = new Set<string>()
  private assessments = 0
  private unlabelled = 0
  private duplicateAssessments = 0
  private state: 'labels' | 'assessments' | 'finished' = 'labels'

  addLabel(label: Label): void {
    if (this.state !== 'labels') throw new Error('add every label before the first assessment')
    this.labels.add(label)
  }

  addAssessment(a: Assessment): void {
    if (this.state === 'finished') throw new Error('the evaluation is already finished')
    this.state = 'assessments'
    this.assessments++
    this.rulesVersions.add(a.rules_version)
    const row = this.labels.row(a.contact_id)
    if (row === undefined) this.unlabelled++
    else if (!this.labels.markAssessed(row)) this.duplicateAssessments++
    else this.score(row, a)
  }

  finish(): EvaluationReport {
    if (this.state === 'finished') throw new Error('finish() may be called once')
    this.state = 'finished'
    let missing = 0
    for (const row of this.labels.unassessedRows()) {
      this.score(row, null)
      missing++
    }
    return this.report(missing)
  }

  private score(row: number, p: Prediction | null): void {
    const abnormal = this.labels.isAbnormal(row)
    const flagged = p !== null && isFlagged(p)
    const c = this.confusion
    if (abnormal && flagged) c.tp++
    else if (abnormal) c.fn++
    else if (flagged) c.fp++
    else c.tn++
    const k = this.labels.kindIndex(row)
    ;(this.kinds[k] ??= new KindTally()).add(abnormal, flagged, p?.risk ?? 'missing')
    const category = this.labels.category(row)
    if (abnormal && category) this.categories.add(category, flagged, p?.categories ?? [])
    if (p) this.severity.add(abnormal, p.severity)
    this.gangs.add(p?.gang_id ?? null, this.labels.gang(row))
  }

  private report(missing: number): EvaluationReport {
    const { tp, fp, fn, tn } = this.confusion
    const byKind = this.kinds.map((t, i) => t.report(this.labels.kinds[i] ?? '')).sort(byKindOrder)
    const evaluated = this.labels.size - missing
    const base = {
      rulesVersions: [...this.rulesVersions].sort(),
      counts: {
        labels: this.labels.size,
        abnormal: tp + fn,
        genuine: fp + tn,
        assessments: this.assessments,
        evaluated,
        flagged: tp + fp,
        missingAssessments: missing,
        unlabelledAssessments: this.unlabelled,
        duplicateLabels: this.labels.duplicates,
        duplicateAssessments: this.duplicateAssessments,
      },
      confusion: { ...this.confusion },
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: ratio(2 * tp, 2 * tp + fp + fn),
      falsePositiveRate: ratio(fp, fp + tn),
      byKind,
      byCategory: this.categories.recall(),
      categoryAccuracy: this.categories.accuracy(),
      severity: this.severity.report(),
      gangs: this.gangs.result(),
    }
    return { ...base, targets: checkTargets(base) }
  }
}

export function evaluate(
  labels: Iterable<Label>,
  assessments: Iterable<Assessment>,
): EvaluationReport {
  const acc = new EvaluationAccumulator()
  for (const l of labels) acc.addLabel(l)
  for (const a of assessments) acc.addAssessment(a)
  return acc.finish()
}

/** The simulator's kinds in a reading order: abnormal first; unknown kinds after, by name. */
export const KIND_ORDER: readonly string[] = labelKinds

function byKindOrder(a: KindReport, b: KindReport): number {
  const ia = KIND_ORDER.indexOf(a.kind)
  const ib = KIND_ORDER.indexOf(b.kind)
  if (ia !== ib) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib)
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0
}
