// Kysely table interfaces. Column types mean the same on SQLite and PostgreSQL: ids and UTC ISO
// times as text, booleans as 0/1 integers, JSON as text.
import type { Generated } from 'kysely'
import type { SharingTables } from '../sharing/sharing.table.js'

export type CustomerTable = {
  customer_id: string
  name_key: string | null
  id_number: string | null
  id_number_valid: number | null
  phone: string | null
  record: string
  record_hash: string
  version: number
  imported_at: string
}

export type ContactTable = {
  contact_id: string
  channel: string
  source: string | null
  received_at: string
  customer_id: string | null
  caller_role: string | null
  record: string
  record_hash: string
  version: number
  imported_at: string
}

/** Earlier versions of a changed record; the current one stays in its own table. */
export type RecordVersionTable = {
  record_id: string
  version: number
  record: string
  record_hash: string
  replaced_at: string
}

export type IdentifierTable = {
  /** `kind:value`, e.g. `phone:+8613800138000` — the normalised identifier itself is the key. */
  identifier: string
  kind: string
  value: string
  valid: number
  first_seen: string
}

export type ContactIdentifierTable = {
  contact_id: string
  identifier: string
  role: string
  /** Denormalised from the contact so that fan-out queries read one index. */
  customer_id: string | null
  received_at: string
}

export type CustomerIdentifierTable = {
  customer_id: string
  identifier: string
  role: string
}

export type WatchlistTable = {
  entry_key: string
  kind: string
  value: string
  identifier: string
  label: string
  source: string
  added_at: string
  expires_at: string | null
  record: string
  record_hash: string
  version: number
  imported_at: string
}

export type AssessmentTable = {
  contact_id: string
  risk: string
  severity: string | null
  categories: string
  signals: string
  gang_id: string | null
  recommended_action: string
  rules_version: string
  score: number
  assessed_at: string
}

export type ImportRunTable = {
  id: string
  kind: string
  file: string
  started_at: string
  finished_at: string | null
  lines: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
}

export type UserTable = {
  user_id: string
  username: string
  display_name: string
  role: string
  password_hash: string
  disabled: number
  failed_logins: number
  locked_until: string | null
  must_change_password: number
  created_at: string
  updated_at: string
  last_login_at: string | null
}

export type SessionTable = {
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  last_seen_at: string
  ip: string | null
  user_agent: string | null
}

export type ApiTokenTable = {
  token_id: string
  token_hash: string
  name: string
  role: string
  created_by: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}

/** Append-only: triggers on both stores refuse UPDATE and DELETE. */
export type AuditLogTable = {
  seq: Generated<number>
  at: string
  actor: string
  actor_role: string | null
  action: string
  target_kind: string | null
  target_id: string | null
  /** JSON text: what was asked (filters, reason, counts); never raw personal data. */
  detail: string | null
  ip: string | null
  outcome: string
}

export type ContactReviewTable = {
  review_id: string
  contact_id: string
  decision: string
  note: string | null
  reviewed_by: string
  reviewed_at: string
}

export type Database = SharingTables & {
  customers: CustomerTable
  customer_versions: RecordVersionTable
  contacts: ContactTable
  contact_versions: RecordVersionTable
  identifiers: IdentifierTable
  contact_identifiers: ContactIdentifierTable
  customer_identifiers: CustomerIdentifierTable
  watchlist: WatchlistTable
  watchlist_versions: RecordVersionTable
  assessments: AssessmentTable
  import_runs: ImportRunTable
  users: UserTable
  sessions: SessionTable
  api_tokens: ApiTokenTable
  audit_log: AuditLogTable
  contact_reviews: ContactReviewTable
}
