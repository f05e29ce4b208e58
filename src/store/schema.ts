// Kysely table interfaces. Column types mean the same on SQLite and PostgreSQL: ids and UTC ISO
// times as text, booleans as 0/1 integers, JSON as text.
import type { Generated } from 'kysely'
import type {
  GangEdgeTable,
  GangMemberTable,
  GangRunTable,
  GangTable,
} from '../gangs/gang.table.js'
import type { SharingTables } from '../sharing/sharing.table.js'
import type {
  CallVoiceTable,
  VoiceAgentTable,
  VoiceConsentTable,
  VoiceEnrolmentTable,
  VoiceFindingTable,
  VoiceThresholdTable,
} from '../voice/library/voice.table.js'

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

export type CaseTable = {
  case_id: string
  title: string
  summary: string
  state: string
  outcome: string | null
  severity: string | null
  /** JSON text: the detection's reasons, zh-CN and en. */
  severity_reasons: string
  origin_kind: string
  origin_ref: string | null
  gang_id: string | null
  assignee: string | null
  due_at: string | null
  joint: number
  /** JSON text: the other institutions of a joint case and their references. */
  joint_partners: string
  /** JSON text: amounts involved, in fen. */
  amounts: string
  police_report_ref: string | null
  police_case_ref: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export type CaseMemberTable = {
  case_id: string
  member_kind: string
  member_id: string
  via: string
  added_by: string
  added_at: string
}

export type CaseEventTable = {
  case_id: string
  seq: number
  at: string
  actor: string
  kind: string
  from_state: string | null
  to_state: string | null
  detail: string
}

export type EvidenceItemTable = {
  evidence_id: string
  case_id: string
  sha256: string
  size: number
  media_type: string
  kind: string
  filename: string
  description: string
  added_by: string
  added_at: string
}

/** Append-only and hash-chained: each line's hash covers its content and the line before. */
export type CustodyLogTable = {
  seq: number
  at: string
  actor: string
  action: string
  evidence_id: string
  case_id: string
  sha256: string
  detail: string
  prev_hash: string
  hash: string
}

export type CustodyHeadTable = { id: number; seq: number; hash: string }

/** One stored version of a call script (the JSON definition); a call pins one. */
export type CallScriptVersionTable = {
  script_id: string
  version: number
  definition: string
  content_hash: string
  /** `file` (scripts/call-scripts.json) or `admin` (edited in the console or API). */
  source: string
  created_by: string
  created_at: string
}

export type CallRunTable = {
  call_id: string
  script_id: string
  script_version: number
  contact_id: string
  customer_id: string | null
  caller_identifier: string | null
  status: string
  current_step: string | null
  outcome: string | null
  end_reason: string | null
  started_by: string
  started_at: string
  updated_at: string
  ended_at: string | null
}

export type CallAnswerTable = {
  call_id: string
  seq: number
  step_id: string
  /** JSON text of the answer (a string, a number or null). */
  value: string | null
  signal: string | null
  superseded: number
  answered_by: string
  answered_at: string
}

export type RepresentativeTable = {
  representative_id: string
  customer_id: string
  contact_id: string | null
  kind: string
  name: string
  phone_identifier: string | null
  organization: string | null
  status: string
  status_reason: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  authorised_until: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export type RepresentativeMaterialTable = {
  representative_id: string
  item: string
  sha256: string
  filename: string | null
  source_contact_id: string | null
  added_by: string
  added_at: string
}

export type RepresentativeReviewTable = {
  review_id: string
  representative_id: string
  status: string
  reason: string | null
  reviewed_by: string
  reviewed_at: string
}

export type VerificationTaskTable = {
  task_id: string
  customer_id: string
  contact_id: string | null
  call_id: string | null
  representative_id: string | null
  /** Whom the question is about: a phone identifier, or `contact:<id>` when the contact gave none. */
  representative_key: string
  representative_label: string | null
  channel: string
  status: string
  outcome: string | null
  outcome_note: string | null
  attempts: number
  assigned_to: string | null
  created_by: string
  created_at: string
  updated_at: string
  completed_by: string | null
  completed_at: string | null
}

export type OutboxMessageTable = {
  message_id: string
  task_id: string | null
  channel: string
  customer_id: string
  recipient: string
  body: string
  status: string
  attempts: number
  adapter: string | null
  external_id: string | null
  last_error: string | null
  next_attempt_at: string
  created_at: string
  updated_at: string
  delivered_at: string | null
}

export type AssessmentChangeTable = {
  change_id: string
  contact_id: string
  reason_kind: string
  reason_ref: string
  reason: string
  risk_before: string | null
  risk_after: string
  score_before: number | null
  score_after: number
  signals_added: string
  signals_removed: string
  changed_by: string
  changed_at: string
}

/** What a running (or dead) large import must finish: store/bulk-load.ts. */
export type BulkLoadPendingTable = {
  name: string
  sql: string
  owner_pid: number
  noted_at: string
}

export type Database = SharingTables & {
  bulk_load_pending: BulkLoadPendingTable
  identifiers_staged: IdentifierTable
  voice_consents: VoiceConsentTable
  voice_enrolments: VoiceEnrolmentTable
  voice_agents: VoiceAgentTable
  call_voices: CallVoiceTable
  voice_findings: VoiceFindingTable
  voice_thresholds: VoiceThresholdTable
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
  cases: CaseTable
  case_members: CaseMemberTable
  case_events: CaseEventTable
  evidence_items: EvidenceItemTable
  custody_log: CustodyLogTable
  custody_head: CustodyHeadTable
  call_script_versions: CallScriptVersionTable
  call_runs: CallRunTable
  call_answers: CallAnswerTable
  representatives: RepresentativeTable
  representative_materials: RepresentativeMaterialTable
  representative_reviews: RepresentativeReviewTable
  verification_tasks: VerificationTaskTable
  outbox_messages: OutboxMessageTable
  assessment_changes: AssessmentChangeTable
  gangs: GangTable
  gang_members: GangMemberTable
  gang_edges: GangEdgeTable
  gang_runs: GangRunTable
}
