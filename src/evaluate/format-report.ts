// The evaluation report as aligned plain text, in English or Simplified Chinese.
import type { EvaluationReport, KindReport, TargetCheck } from './metrics.js'
import type { Ratio } from './ratio.js'
import type { ReportLang, ReportStrings } from './report-strings.js'
import { reportStrings } from './report-strings.js'
import { renderTable } from './text-table.js'

type Fmt = {
  s: ReportStrings
  n: (v: number) => string
  pct: (r: Ratio, digits?: number) => string
}

export function formatReport(r: EvaluationReport, lang: ReportLang = 'en'): string {
  const s = reportStrings[lang]
  const f: Fmt = {
    s,
    n: (v) => v.toLocaleString('en-US'),
    pct: (v, digits = 2) => (v === null ? s.na : `${(v * 100).toFixed(digits)}%`),
  }
  const rules = r.rulesVersions.length
    ? `${s.rules}: ${r.rulesVersions.join(', ')}`
    : s.noAssessments
  const sections = [
    [`${s.title} — ${rules}`],
    contactsSection(r, f),
    detectionSection(r, f),
    kindSection(r, f),
    categorySection(r, f),
    severitySection(r, f),
    gangSection(r, f),
    targetSection(r, f),
  ]
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`
}

function contactsSection(r: EvaluationReport, { s, n }: Fmt): string[] {
  const c = r.counts
  const rows = [
    [s.labelled, n(c.labels)],
    [`  ${s.abnormal}`, n(c.abnormal)],
    [`  ${s.genuine}`, n(c.genuine)],
    [s.evaluated, n(c.evaluated)],
    [s.missing, n(c.missingAssessments)],
  ]
  if (c.unlabelledAssessments) rows.push([s.unlabelled, n(c.unlabelledAssessments)])
  if (c.duplicateLabels) rows.push([s.duplicateLabels, n(c.duplicateLabels)])
  if (c.duplicateAssessments) rows.push([s.duplicateAssessments, n(c.duplicateAssessments)])
  return [s.contacts, ...renderTable(null, rows)]
}

function detectionSection(r: EvaluationReport, { s, n, pct }: Fmt): string[] {
  const { tp, fp, fn, tn } = r.confusion
  const rows = [
    [s.tp, n(tp), ''],
    [s.fp, n(fp), ''],
    [s.fn, n(fn), ''],
    [s.tn, n(tn), ''],
    [s.precision, pct(r.precision), `${n(tp)}/${n(tp + fp)}`],
    [s.recall, pct(r.recall), `${n(tp)}/${n(tp + fn)}`],
    [s.f1, pct(r.f1), ''],
    [s.fpRate, pct(r.falsePositiveRate, 3), `${n(fp)}/${n(fp + tn)}`],
  ]
  return [s.detection, ...renderTable(null, rows, ['left', 'right', 'left'])]
}

function kindSection(r: EvaluationReport, { s, n, pct }: Fmt): string[] {
  const truth = (k: KindReport) =>
    k.genuine === 0 ? s.abnormal : k.abnormal === 0 ? s.genuine : s.mixed
  const dash = (v: Ratio, digits?: number) => (v === null ? '-' : pct(v, digits))
  const header = [
    s.kind,
    s.truth,
    s.count,
    s.flagged,
    s.recall,
    s.fpRateShort,
    'none',
    'low',
    'medium',
    'high',
    s.missingShort,
  ]
  const rows = r.byKind.map((k) => [
    k.kind,
    truth(k),
    n(k.contacts),
    n(k.flaggedAbnormal + k.flaggedGenuine),
    dash(k.recall),
    dash(k.falsePositiveRate, 3),
    ...[k.risk.none, k.risk.low, k.risk.medium, k.risk.high, k.risk.missing].map(n),
  ])
  return [s.byKind, ...renderTable(header, rows, ['left', 'left'])]
}

function categorySection(r: EvaluationReport, { s, n, pct }: Fmt): string[] {
  const recallRows = r.byCategory.map((c) => [
    c.category,
    n(c.contacts),
    n(c.flagged),
    pct(c.recall),
  ])
  const a = r.categoryAccuracy
  const confusionRows = a.confusion.map((c) => [
    c.label,
    n(c.truePositives),
    n(c.correct),
    Object.entries(c.predicted)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', '),
  ])
  return [
    s.byCategory,
    ...renderTable([s.category, s.count, s.flagged, s.recall], recallRows),
    '',
    s.categoryAccuracy,
    `  ${s.accuracy}: ${pct(a.accuracy)} (${n(a.correct)}/${n(a.truePositives)})`,
    ...renderTable([s.category, s.truePositives, s.correct, s.predicted], confusionRows, [
      'left',
      'right',
      'right',
      'left',
    ]),
  ]
}

function severitySection(r: EvaluationReport, { s, n }: Fmt): string[] {
  const row = (label: string, c: EvaluationReport['severity']['all']) => [
    label,
    n(c.level1),
    n(c.level2),
    n(c.none),
  ]
  const rows = [
    row(s.all, r.severity.all),
    row(s.abnormal, r.severity.abnormal),
    row(s.genuine, r.severity.genuine),
  ]
  return [s.severity, ...renderTable(['', 'level1', 'level2', 'none'], rows)]
}

function gangSection(r: EvaluationReport, { s, n, pct }: Fmt): string[] {
  const g = r.gangs
  const rows = [
    [s.gangContacts, n(g.contacts), ''],
    [s.predictedGangs, n(g.predictedGangs), ''],
    [s.labelledGangs, n(g.labelledGangs), ''],
    [s.predictedSame, n(g.predictedSamePairs), ''],
    [s.trueSame, n(g.trueSamePairs), ''],
    [s.bothSame, n(g.correctPairs), ''],
    [s.pairPrecision, pct(g.precision), `${n(g.correctPairs)}/${n(g.predictedSamePairs)}`],
    [s.pairRecall, pct(g.recall), `${n(g.correctPairs)}/${n(g.trueSamePairs)}`],
  ]
  return [s.gangs, ...renderTable(null, rows, ['left', 'right', 'left'])]
}

function targetSection(r: EvaluationReport, { s, pct }: Fmt): string[] {
  const name = (t: TargetCheck) =>
    t.metric === 'f1'
      ? s.f1
      : t.metric === 'false_positive_rate'
        ? s.fpRate
        : t.metric === 'kind_false_positive_rate'
          ? s.kindFpRate(t.kind ?? '')
          : s.gangPrecisionTarget
  const digits = (t: TargetCheck) => (t.comparator === '<=' ? 3 : 2)
  const rows = r.targets.map((t) => [
    name(t),
    pct(t.actual, digits(t)),
    `${t.comparator} ${pct(t.threshold, digits(t) - 2)}`,
    t.status === 'n/a' ? 'N/A' : t.status.toUpperCase(),
  ])
  const met = r.targets.filter((t) => t.status === 'pass').length
  return [
    s.targets,
    ...renderTable([s.target, s.actual, s.required, s.result], rows, [
      'left',
      'right',
      'left',
      'left',
    ]),
    `  ${s.met(met, r.targets.length)}`,
  ]
}
