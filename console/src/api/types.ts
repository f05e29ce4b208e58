// Response and request shapes of the HTTP API, written from docs/api.md. The server decides and
// explains; these types only say what the console may read.
import {
  categories,
  channels,
  importKinds,
  risks,
  severities,
  watchlistKinds,
} from '../../../src/contract/vocabulary'
import type { Permission, Role } from '../../../src/access/roles'
import type { ReviewDecision as Decision } from '../../../src/workbench/review-decision'

// The interchange's vocabularies, the review decisions and the roles with their permissions come
// from the server's own (dependency-free) modules.
export { categories, channels, importKinds, risks, severities, watchlistKinds }
export { reviewDecisions as decisions } from '../../../src/workbench/review-decision'
export { roles } from '../../../src/access/roles'
export type { Decision, Permission, Role }

export type Risk = (typeof risks)[number]
export type Severity = (typeof severities)[number]
export type Category = (typeof categories)[number]
export type Channel = (typeof channels)[number]
export type WatchlistKind = (typeof watchlistKinds)[number]
export type ImportKind = (typeof importKinds)[number]

export type Bilingual = { 'zh-CN': string; en: string }

export type User = {
  user_id: string
  username: string
  display_name: string
  role: Role
  disabled: boolean
  locked_until: string | null
  last_login_at: string | null
  created_at: string
}

export type Me = { user: User; permissions: Permission[] }

export type EvidenceRef = {
  kind: 'contact' | 'customer' | 'identifier' | 'text' | 'file' | 'watchlist' | 'gang' | 'rule'
  /** For identifiers: the masked `kind:value`; the opaque `ref` addresses it in filters. */
  id: string
  ref?: string
  note?: string
}

export type Signal = {
  code: string
  weight: number
  explanation: Bilingual
  evidence: EvidenceRef[]
}

export type Assessment = {
  contact_id: string
  risk: Risk
  severity: Severity | null
  categories: Category[]
  signals: Signal[]
  gang_id: string | null
  recommended_action: string
  rules_version: string
}

export type RecentContact = {
  contact_id: string
  channel: Channel
  received_at: string
  risk?: Risk | null
}

export type ScreenResult = {
  phone: string | null
  customer_id: string | null
  risk: Risk
  severity: Severity | null
  categories: Category[]
  reasons: ({ code: string } & Bilingual)[]
  signals: Signal[]
  recommended_script: string
  script?: CallScript | null
  /** The customer confirmed authorising this caller: trusted for this customer only. */
  trusted_representative?: ({ task_id: string; confirmed_at: string } & Bilingual) | null
  recent_contacts: RecentContact[]
  rules_version: string
}

export type Review = {
  decision: Decision
  reviewed_by: string
  reviewed_at: string
  note?: string | null
  review_id?: string
}

export type ContactRow = {
  contact_id: string
  channel: Channel
  source: string | null
  received_at: string
  customer_id: string | null
  customer_name: string | null
  caller: string | null
  caller_role: string | null
  summary: string | null
  risk: Risk | null
  severity: Severity | null
  categories: Category[]
  score: number | null
  gang_id: string | null
  review: Review | null
}

export type Page<T> = { items: T[]; next_cursor: string | null }

/** Lists the server returns whole (users, tokens): `{ items }`, or a bare array. */
export type ItemList<T> = { items: T[] } | T[]

export function itemsOf<T>(list: ItemList<T> | undefined): T[] {
  if (!list) return []
  return Array.isArray(list) ? list : list.items
}

export type ContactPage = Page<ContactRow> & { total: number; total_is_lower_bound: boolean }

export type Party = {
  phone?: string
  name?: string
  role?: string
  organization?: string
  relation_claimed?: string
  email?: string
  wechat?: string
}

/** A masked interchange v1 contact; extra fields are kept by the server and shown raw. */
export type ContactRecord = {
  contact_id: string
  channel: Channel
  source?: string
  received_at: string
  customer_id?: string
  claimed?: { name?: string; id_number?: string; phone?: string }
  caller?: Party
  participants?: Party[]
  text?: string
  demands?: string[]
  regulator_ref?: string
  [extra: string]: unknown
}

export type LinkedIdentifier = {
  ref: string
  identifier: string
  kind: string
  role: string
  customers: number
  contacts: number
  watchlisted: boolean
}

export type SimilarText = {
  contact_id: string
  customer_id: string | null
  similarity: number
  text: string
  shared: { a: [number, number][]; b: [number, number][] }
}

export type AttachmentInfo = {
  kind: string
  sha256: string
  phash: string | null
  name?: string | null
  filename?: string | null
  reused_by_customers: number
}

export type ContactDetail = {
  contact: ContactRecord
  assessment: Assessment | null
  review: Review | null
  reviews: Review[]
  customer: {
    customer_id: string
    name?: string | null
    phone?: string | null
    id_number?: string | null
    loan?: { status: string; overdue_days?: number; outstanding?: number } | null
    [extra: string]: unknown
  } | null
  identifiers: LinkedIdentifier[]
  linked_customers: {
    customer_id: string
    name: string | null
    via: string[]
    via_refs?: string[]
    contacts?: number
  }[]
  similar: SimilarText[]
  attachments: AttachmentInfo[]
  recent_contacts: RecentContact[]
}

export type Unmasked = {
  contact: Record<string, unknown>
  customer: Record<string, unknown> | null
}

export type WatchlistEntry = {
  entry_key: string
  kind: WatchlistKind
  value: string
  identifier?: string | null
  identifier_ref?: string | null
  label: string
  source: string
  reason: string | null
  added_by: string | null
  added_at: string
  expires_at: string | null
  active?: boolean
  version: number
}

/** One version of a watchlist entry, current or kept, with who changed it and why. */
export type WatchlistVersion = WatchlistEntry & {
  changed_by: string | null
  change_reason: string | null
  changed_at: string | null
  replaced_at: string | null
}

export type RulesInfo = {
  current: {
    version: string
    description?: string | null
    path: string
    signals: { code: string; weight: number; enabled: boolean; describes?: string | null }[]
    /** The rule set's sections (risk thresholds, categories, severity, actions…), shown as data. */
    rules?: unknown[]
    [section: string]: unknown
  }
  versions: {
    version: string
    contacts_assessed: number
    first_assessed_at?: string | null
    last_assessed_at: string | null
  }[]
}

export type Stats = {
  range: { from: string; to: string }
  by_channel_day: { day: string; channel: Channel; contacts: number; flagged: number }[]
  flagged_share: number
  by_category: { category: Category; contacts: number }[]
  by_severity: { severity: Severity; contacts: number }[]
  top_fan_out: {
    identifier: string
    ref?: string
    kind: string
    customers: number
    contacts: number
  }[]
  month: {
    month: string
    contacts: number
    flagged: number
    level1: number
    level2: number
    gangs: number
    reviewed: number
    confirmed_agency: number
    genuine: number
  }
}

export type ApiToken = {
  token_id: string
  name: string
  role: Role
  created_by: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}

export type AuditEntry = {
  seq: number
  at: string
  actor: string
  actor_role: string | null
  action: string
  target_kind: string | null
  target_id: string | null
  detail: unknown
  ip: string | null
  outcome: string
}

export type ImportReject = { line: number; field: string | null; reason: string }

export type ImportResult = {
  kind: ImportKind
  lines: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  assessed?: number
  rejects: ImportReject[]
  [extra: string]: unknown
}

export type ScriptStep = {
  id: string
  say: Bilingual
  note?: Bilingual
  answer: {
    type: 'none' | 'choice' | 'yes_no' | 'text' | 'number'
    options?: { value: string; label: Bilingual }[]
    min?: number
    max?: number
    max_length?: number
  }
}

export type CallScript = {
  id: string
  version: number
  title: Bilingual
  start: string
  steps: ScriptStep[]
}

export type CallState = {
  call_id: string
  contact_id: string
  customer_id: string | null
  caller_identifier: string | null
  status: 'in_progress' | 'completed' | 'ended_early'
  current_step: string | null
  outcome: string | null
  end_reason: string | null
  started_at: string
  updated_at: string
  script: { id: string; version: number; title: Bilingual }
  step: ScriptStep | null
  answers: {
    seq: number
    step_id: string
    say: Bilingual | null
    value: string | number | null
    signal: string | null
  }[]
  verification?: { task_id: string } | null
  assessment_changes?: AssessmentChange[]
}

export type AssessmentChange = {
  contact_id: string
  risk_before: Risk | null
  risk_after: Risk
  score_before: number | null
  score_after: number
  signals_added: string[]
  signals_removed: string[]
  reason: { kind: string; ref: string; text: string; actor: string }
  changed_at: string
}

export type VerificationOutcome = 'confirmed' | 'denied' | 'unreachable' | 'refused'

export type VerificationTask = {
  task_id: string
  customer_id: string
  contact_id: string | null
  call_id: string | null
  representative: string | null
  channel: 'callback' | 'sms' | 'in_app'
  status: 'open' | 'awaiting_reply' | 'completed' | 'cancelled'
  outcome: VerificationOutcome | null
  outcome_note: string | null
  attempts: number
  created_by: string
  created_at: string
  completed_by: string | null
  completed_at: string | null
  /** SMS and in-app: the latest message's real delivery status from the outbox. */
  delivery?: {
    message_id: string
    status: OutboxMessage['status']
    attempts: number
    last_error: string | null
    delivered_at: string | null
  } | null
}

export type VerificationMessagePreview = {
  representative: string | null
  has_registered_phone: boolean
  message: Bilingual
}

export type OutboxMessage = {
  message_id: string
  task_id: string | null
  channel: 'sms' | 'in_app'
  customer_id: string
  recipient: string
  body: string
  status: 'pending' | 'sending' | 'sent' | 'delivered' | 'retrying' | 'failed'
  attempts: number
  adapter: string | null
  last_error: string | null
  created_at: string
  delivered_at: string | null
}
