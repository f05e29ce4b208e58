// The detector: the index, the rule set and the gangs, producing one explained assessment per
// contact. Gangs are recomputed lazily after contacts are added.
import type { Assessment, Signal } from '../contract/index.js'
import type { ContactFacts } from './contact-facts.js'
import { DetectionIndex } from './detection-index.js'
import type { Gang } from './gangs.js'
import { findGangs } from './gangs.js'
import type { DetectionSettings, RuleSet } from './rules/rule-set.js'
import { settingsOf } from './rules/rule-set.js'
import { evaluateRules, hasLinkingEvidence } from './rules/evaluate-rules.js'
import { signalModules } from './signals/index.js'
import { answeredOnOwnNumber, fromCustomerThemselves } from './signals/customer-repeats.js'
import { PUSH_FOLLOW_ON, pushFollowOn } from './signals/push-follow-on.js'
import { applyCustomerConfirmation } from './signals/response-findings.js'
import { contactRef, hit } from './signals/signal.js'

export type ScoredAssessment = Assessment & { score: number }

const KIND_ZH: Record<string, string> = {
  phone: '电话',
  wechat: '微信',
  email: '邮箱',
  organization: '机构',
  device: '设备',
  sha256: '相同文件',
  phash: '近似图片',
  template: '模板文本',
  campaign: '同一客户的多渠道投诉',
  other: '其他关联',
}

export class Detector {
  readonly settings: DetectionSettings
  private gangs: Map<number, Gang> | null = null

  constructor(
    readonly rules: RuleSet,
    readonly index: DetectionIndex = new DetectionIndex({
      templateMinChars: rules.settings.template_min_chars,
      templateMinSimilarity: rules.settings.template_min_similarity,
      repeatWindowDays: rules.settings.repeat_window_days,
    }),
  ) {
    this.settings = settingsOf(rules)
  }

  /** Call after the index changed: gangs are recomputed on the next assessment. */
  invalidate(): void {
    this.gangs = null
  }

  /** Works out the gangs now rather than on the first assessment (so a caller can time it). */
  prepare(): void {
    this.gangs ??= findGangs(this.index, this.settings)
  }

  gangOf(idx: number): Gang | undefined {
    this.gangs ??= findGangs(this.index, this.settings)
    return this.gangs.get(idx)
  }

  /** A victim's report is the consumer speaking: it gets support, never an agency signal. */
  signalsFor(contact: ContactFacts): Signal[] {
    if (contact.channel === 'victim_report') return []
    const input = { index: this.index, contact, settings: this.settings }
    const hits: Signal[] = []
    for (const m of signalModules) {
      if (this.settings.signals[m.code]?.enabled === false) continue
      const h = m.detect(input)
      if (h) hits.push(h)
    }
    const gang = this.gangOf(contact.idx)
    if (
      gang &&
      this.settings.signals.gang_link?.enabled !== false &&
      !ownTemplateOnly(gang, contact, this.index)
    )
      hits.push(gangHit(gang, contact, this.settings, this.index))
    const follow = this.followOnHit(contact, hits)
    if (follow) hits.push(follow)
    if (
      (gang?.alliance || contact.allianceNamed) &&
      this.settings.signals.alliance?.enabled !== false
    )
      hits.push(allianceHit(gang, contact, this.settings))
    return applyCustomerConfirmation(hits, contact, this.index)
  }

  /** The agency push this contact follows, when nothing else links it (see push-follow-on.ts). */
  followOnHit(contact: ContactFacts, hits: Signal[]): Signal | null {
    if (this.settings.signals[PUSH_FOLLOW_ON]?.enabled === false) return null
    if (hasLinkingEvidence(this.rules, new Set(hits.map((h) => h.code)))) return null
    return pushFollowOn(this.index, contact, this.settings, (i) => this.gangOf(i))
  }

  assess(idx: number): ScoredAssessment {
    const contact = this.index.contacts[idx]
    if (!contact) throw new Error(`no contact at index ${idx}`)
    const signals = this.signalsFor(contact)
    const outcome = evaluateRules(this.rules, signals, contact.channel)
    const gang = outcome.flagged ? this.gangOf(idx) : undefined
    return {
      contact_id: contact.contactId,
      risk: outcome.risk,
      severity: outcome.severity,
      categories: outcome.categories,
      signals: signals.sort((a, b) => b.weight - a.weight),
      gang_id: gang?.id ?? null,
      recommended_action: outcome.action,
      rules_version: this.rules.version,
      score: Math.round(outcome.score * 1000) / 1000,
    }
  }

  *assessAll(): Generator<ScoredAssessment> {
    for (let i = 0; i < this.index.contacts.length; i++) yield this.assess(i)
  }
}

/** A consumer who pasted a circulating template into their own complaint shares its words, not its senders. */
const CONTENT_JOIN = new Set(['template', 'phash'])
const CONTENT_ONLY_FACTOR = 0.5

/** Joined only by a template, from the customer's own number: the words are shared, the sender is not. */
function ownTemplateOnly(g: Gang, contact: ContactFacts, index: DetectionIndex): boolean {
  return CONTENT_JOIN.has(g.joinedBy.get(contact.idx) ?? '') && answeredOnOwnNumber(index, contact)
}

function allianceHit(gang: Gang | undefined, contact: ContactFacts, s: DetectionSettings): Signal {
  const own = contact.allianceNamed
  return hit(
    'alliance',
    s.signals.alliance?.weight ?? 0.2,
    own
      ? '自称或提及“反催收/债务互助”类组织'
      : `所属团伙（${gang?.id ?? ''}）中有联系自称“反催收/债务互助”类组织`,
    own
      ? 'names an anti-collection or debt-mutual-aid group'
      : `its group (${gang?.id ?? ''}) names an anti-collection or debt-mutual-aid group`,
    [own ? { kind: 'contact', id: contact.contactId } : { kind: 'gang', id: gang?.id ?? '' }],
  )
}

function gangHit(
  g: Gang,
  contact: ContactFacts,
  s: DetectionSettings,
  index: DetectionIndex,
): Signal {
  const via = [...g.via.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k)
  const viaZh = via.map((k) => KIND_ZH[k] ?? k).join('、')
  const contentOnly =
    CONTENT_JOIN.has(g.joinedBy.get(contact.idx) ?? '') && fromCustomerThemselves(index, contact)
  const weight = contentOnly
    ? (s.signals.gang_link?.weight ?? 0.55) * CONTENT_ONLY_FACTOR
    : (s.signals.gang_link?.weight ?? 0.55) +
      Math.min(0.3, 0.01 * (g.customers - s.gang_min_customers))
  const others = g.members.filter((m) => m !== contact.idx).slice(0, 5)
  return hit(
    'gang_link',
    g.customers >= s.gang_min_customers ? weight : 0,
    `与另外 ${g.customers - 1} 位客户的联系通过${viaZh}相互关联，疑似同一团伙（${g.id}）`,
    `linked to contacts for ${g.customers - 1} other customers through ${via.join(', ')}: likely one group (${g.id})`,
    [
      { kind: 'gang', id: g.id, note: `${g.customers} customers, ${g.members.length} contacts` },
      ...others.map((m) => contactRef(index.contacts[m]?.contactId ?? '')),
    ],
  )
}
