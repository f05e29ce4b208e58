// The declarative rule set: which signals are on and how heavy, the thresholds they use, how a
// score becomes a risk, and which signal combinations mean which category, severity and action.
// Versioned data in rules/*.json, validated at load so a typo names its field.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { categories, risks } from '../../contract/index.js'

const condition = z.strictObject({
  any: z.array(z.string()).optional(),
  all: z.array(z.string()).optional(),
  none: z.array(z.string()).optional(),
  channels: z.array(z.string()).optional(),
  min_risk: z.enum(risks).optional(),
})

export const settingsSchema = z.strictObject({
  window_days: z.number().positive(),
  fan_out_min_customers: z.record(z.string(), z.number().int().min(2)),
  impersonation_min_customers: z.number().int().min(2),
  template_min_customers: z.number().int().min(2),
  template_min_similarity: z.number().min(0).max(1),
  /** Shorter texts never take part in template detection: a short complaint is not a letter. */
  template_min_chars: z.number().int().min(0),
  repeat_window_days: z.number().positive(),
  orchestrated_min_contacts: z.number().int().min(2),
  self_flood_min_contacts: z.number().int().min(2),
  reuse_min_customers: z.number().int().min(2),
  phash_max_distance: z.number().int().min(0).max(16),
  promotion_min_accounts: z.number().int().min(2),
  gang_min_customers: z.number().int().min(2),
})

export const ruleSetSchema = z.strictObject({
  version: z.string().min(1),
  description: z.string().optional(),
  settings: settingsSchema,
  signals: z.record(
    z.string(),
    z.strictObject({ enabled: z.boolean(), weight: z.number().min(0).max(1) }),
  ),
  risk: z.strictObject({ low: z.number(), medium: z.number(), high: z.number() }),
  groups: z.record(z.string(), z.array(z.string())),
  flag_requires: z.string().describe('a signal or @group without which risk stays at most low'),
  categories: z.array(z.strictObject({ category: z.enum(categories), when: condition })),
  severity_level1: z.array(condition),
  actions: z.array(z.strictObject({ action: z.string(), when: condition })),
})

export type RuleSet = z.infer<typeof ruleSetSchema>
export type DetectionSettings = z.infer<typeof settingsSchema> & { signals: RuleSet['signals'] }
export type Condition = z.infer<typeof condition>

export class RuleSetError extends Error {
  readonly code = 'invalid_rule_set'
  constructor(
    readonly file: string,
    readonly field: string | null,
    reason: string,
  ) {
    super(`${file}${field ? ` (${field})` : ''}: ${reason}`)
  }
}

export const DEFAULT_RULES_PATH = fileURLToPath(
  new URL('../../../rules/default.json', import.meta.url),
)

export function loadRuleSet(path: string = DEFAULT_RULES_PATH): RuleSet {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new RuleSetError(
      path,
      null,
      `cannot read the rule set: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  const parsed = ruleSetSchema.safeParse(raw)
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    throw new RuleSetError(path, i?.path.join('.') || null, i?.message ?? 'invalid rule set')
  }
  return parsed.data
}

export function settingsOf(rules: RuleSet): DetectionSettings {
  return { ...rules.settings, signals: rules.signals }
}
