// What a rule change would do: the stored history assessed with the baseline and the candidate
// rule sets side by side, contact by contact, without storing anything.
import type { Risk } from '../contract/index.js'
import type { DetectionIndex } from './detection-index.js'
import type { ScoredAssessment } from './detector.js'
import { Detector } from './detector.js'
import type { RuleSet } from './rules/rule-set.js'

export type Flip = {
  contact_id: string
  before: Risk
  after: Risk
  categoriesBefore: string[]
  categoriesAfter: string[]
  reasons: string[]
}

export type BacktestResult = {
  baseline: string
  candidate: string
  contacts: number
  flaggedBefore: number
  flaggedAfter: number
  raised: Flip[]
  lowered: Flip[]
  recategorised: number
  baselineAssessments: ScoredAssessment[]
  candidateAssessments: ScoredAssessment[]
}

const flagged = (r: Risk) => r === 'medium' || r === 'high'

export function backtest(
  index: DetectionIndex,
  baseline: RuleSet,
  candidate: RuleSet,
): BacktestResult {
  const before = [...new Detector(baseline, index).assessAll()]
  const after = [...new Detector(candidate, index).assessAll()]
  const raised: Flip[] = []
  const lowered: Flip[] = []
  let recategorised = 0
  for (let i = 0; i < before.length; i++) {
    const b = before[i]
    const a = after[i]
    if (!a || !b) continue
    const flip: Flip = {
      contact_id: a.contact_id,
      before: b.risk,
      after: a.risk,
      categoriesBefore: b.categories,
      categoriesAfter: a.categories,
      reasons: a.signals.map((s) => s.code),
    }
    if (!flagged(b.risk) && flagged(a.risk)) raised.push(flip)
    else if (flagged(b.risk) && !flagged(a.risk)) lowered.push(flip)
    else if (b.categories.join() !== a.categories.join()) recategorised++
  }
  return {
    baseline: baseline.version,
    candidate: candidate.version,
    contacts: before.length,
    flaggedBefore: before.filter((x) => flagged(x.risk)).length,
    flaggedAfter: after.filter((x) => flagged(x.risk)).length,
    raised,
    lowered,
    recategorised,
    baselineAssessments: before,
    candidateAssessments: after,
  }
}
