// The acceptance targets a detector run is held to on a simulated population.
// Hard-negative kinds are the genuine kinds built to look abnormal: every kind with genuine
// contacts except the plain `genuine` one (and labels without a kind).
import type { EvaluationReport } from './metrics.js'
import type { Ratio } from './ratio.js'
import { UNSPECIFIED_KIND } from './label-table.js'

export const TARGETS = {
  f1: 0.95,
  falsePositiveRate: 0.005,
  hardNegativeFalsePositiveRate: 0.01,
  gangPairwisePrecision: 0.95,
} as const

const PLAIN_GENUINE_KINDS = new Set(['genuine', UNSPECIFIED_KIND])

export type TargetCheck = {
  metric: 'f1' | 'false_positive_rate' | 'kind_false_positive_rate' | 'gang_pairwise_precision'
  /** the hard-negative kind, for `kind_false_positive_rate` */
  kind?: string
  comparator: '>=' | '<='
  threshold: number
  actual: Ratio
  /** `n/a` when the metric is undefined (e.g. no predicted gang pairs at all) */
  status: 'pass' | 'fail' | 'n/a'
}

export function checkTargets(r: Omit<EvaluationReport, 'targets'>): TargetCheck[] {
  const hardNegatives = r.byKind.filter((k) => k.genuine > 0 && !PLAIN_GENUINE_KINDS.has(k.kind))
  return [
    check('f1', '>=', TARGETS.f1, r.f1),
    check('false_positive_rate', '<=', TARGETS.falsePositiveRate, r.falsePositiveRate),
    ...hardNegatives.map((k) => ({
      ...check(
        'kind_false_positive_rate',
        '<=',
        TARGETS.hardNegativeFalsePositiveRate,
        k.falsePositiveRate,
      ),
      kind: k.kind,
    })),
    check('gang_pairwise_precision', '>=', TARGETS.gangPairwisePrecision, r.gangs.precision),
  ]
}

function check(
  metric: TargetCheck['metric'],
  comparator: TargetCheck['comparator'],
  threshold: number,
  actual: Ratio,
): TargetCheck {
  const met =
    actual === null ? null : comparator === '>=' ? actual >= threshold : actual <= threshold
  return {
    metric,
    comparator,
    threshold,
    actual,
    status: met === null ? 'n/a' : met ? 'pass' : 'fail',
  }
}
