// From the signals of one contact to risk, categories, severity and action, as the rule set says.
import type { Category, Risk, Severity, Signal } from '../../contract/index.js'
import { risks } from '../../contract/index.js'
import type { Condition, RuleSet } from './rule-set.js'

export type RuleOutcome = {
  score: number
  risk: Risk
  categories: Category[]
  severity: Severity | null
  action: string
  flagged: boolean
}

/** Independent evidence combines like probabilities: 1 − Π(1 − w). */
export function combinedScore(signals: Signal[]): number {
  return 1 - signals.reduce((p, s) => p * (1 - s.weight), 1)
}

/** Group references (`@agency`) expanded once per rule set and name: rules run for every contact. */
const expanded = new WeakMap<RuleSet, Map<string, string[]>>()

function expand(rules: RuleSet, names: string[] = []): string[] {
  let cache = expanded.get(rules)
  if (!cache) expanded.set(rules, (cache = new Map<string, string[]>()))
  const key = names.join(',')
  let out = cache.get(key)
  if (!out) {
    out = names.flatMap((n) => (n.startsWith('@') ? (rules.groups[n.slice(1)] ?? []) : [n]))
    cache.set(key, out)
  }
  return out
}

export function matches(
  rules: RuleSet,
  when: Condition,
  codes: Set<string>,
  channel: string,
  risk: Risk,
): boolean {
  if (when.any && !expand(rules, when.any).some((c) => codes.has(c))) return false
  if (when.all && !expand(rules, when.all).every((c) => codes.has(c))) return false
  if (when.none && expand(rules, when.none).some((c) => codes.has(c))) return false
  if (when.channels && !when.channels.includes(channel)) return false
  if (when.min_risk && risks.indexOf(risk) < risks.indexOf(when.min_risk)) return false
  return true
}

/** Whether the signals carry the linking evidence the rule set needs before anything is flagged. */
export function hasLinkingEvidence(rules: RuleSet, codes: ReadonlySet<string>): boolean {
  return expand(rules, [rules.flag_requires]).some((c) => codes.has(c))
}

function riskOf(rules: RuleSet, score: number): Risk {
  if (score >= rules.risk.high) return 'high'
  if (score >= rules.risk.medium) return 'medium'
  if (score >= rules.risk.low) return 'low'
  return 'none'
}

export function evaluateRules(rules: RuleSet, signals: Signal[], channel: string): RuleOutcome {
  const codes = new Set(signals.map((s) => s.code))
  const score = combinedScore(signals)
  const linked = hasLinkingEvidence(rules, codes)
  let risk = riskOf(rules, score)
  if (!linked && (risk === 'medium' || risk === 'high')) risk = 'low'
  const flagged = risk === 'medium' || risk === 'high'
  const categories = flagged
    ? [
        ...new Set(
          rules.categories
            .filter((r) => matches(rules, r.when, codes, channel, risk))
            .map((r) => r.category),
        ),
      ]
    : []
  const severity: Severity | null = flagged
    ? rules.severity_level1.some((w) => matches(rules, w, codes, channel, risk))
      ? 'level1'
      : 'level2'
    : null
  if (severity === 'level1') codes.add('@level1')
  const action =
    rules.actions.find((a) => matches(rules, a.when, codes, channel, risk))?.action ??
    'handle-normally'
  return { score, risk, categories, severity, action, flagged }
}
