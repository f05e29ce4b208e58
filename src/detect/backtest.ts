// What a rule change would do: the stored history assessed with the baseline and the candidate
// rule sets side by side, contact by contact, without storing anything. Streams: only counts and
// a bounded list of examples are kept, whatever the history's size.
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
  raised: number
  lowered: number
  recategorised: number
  /** The first flips of each way, for people to read. */
  examples: { raised: Flip[]; lowered: Flip[] }
}

export type BacktestOptions = {
  examples?: number
  /** Sees every pair of assessments, e.g. to score both rule sets against labels. */
  onPair?: (before: ScoredAssessment, after: ScoredAssessment) => void
}

const flagged = (r: Risk) => r === 'medium' || r === 'high'

export function backtest(
  index: DetectionIndex,
  baseline: RuleSet,
  candidate: RuleSet,
  opts: BacktestOptions = {},
): BacktestResult {
  const before = new Detector(baseline, index)
  const after = new Detector(candidate, index)
  const keep = opts.examples ?? 20
  const r: BacktestResult = {
    baseline: baseline.version,
    candidate: candidate.version,
    contacts: 0,
    flaggedBefore: 0,
    flaggedAfter: 0,
    raised: 0,
    lowered: 0,
    recategorised: 0,
    examples: { raised: [], lowered: [] },
  }
  for (let i = 0; i < index.contacts.length; i++) {
    const b = before.assess(i)
    const a = after.assess(i)
    opts.onPair?.(b, a)
    r.contacts++
    if (flagged(b.risk)) r.flaggedBefore++
    if (flagged(a.risk)) r.flaggedAfter++
    const flip = () => ({
      contact_id: a.contact_id,
      before: b.risk,
      after: a.risk,
      categoriesBefore: b.categories,
      categoriesAfter: a.categories,
      reasons: a.signals.map((s) => s.code),
    })
    if (!flagged(b.risk) && flagged(a.risk)) {
      if (r.raised++ < keep) r.examples.raised.push(flip())
    } else if (flagged(b.risk) && !flagged(a.risk)) {
      if (r.lowered++ < keep) r.examples.lowered.push(flip())
    } else if (b.categories.join() !== a.categories.join()) r.recategorised++
  }
  return r
}
