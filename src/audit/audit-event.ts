// One audited action: who did what to which record, from where, and how it ended.
import { maskPersonalNumbers } from '../privacy/index.js'

export const auditOutcomes = ['ok', 'denied', 'failed'] as const
export type AuditOutcome = (typeof auditOutcomes)[number]

export type AuditEvent = {
  actor: string
  actor_role?: string | null
  action: string
  target_kind?: string | null
  target_id?: string | null
  /** What was asked (filters, reason, counts). Never raw personal data: callers leave it out. */
  detail?: Record<string, unknown>
  ip?: string | null
  outcome?: AuditOutcome
}

export type AuditRow = {
  seq: number
  at: string
  actor: string
  actor_role: string | null
  action: string
  target_kind: string | null
  target_id: string | null
  detail: Record<string, unknown> | null
  ip: string | null
  outcome: AuditOutcome
}

/** The row as stored: `at` stamped when the event happened, not when it was written. */
export type AuditInsert = Omit<AuditRow, 'seq' | 'detail'> & { detail: string | null }

/** The one statement that appends audit rows on SQLite, bound by `insertValues`. */
export const SQLITE_AUDIT_INSERT =
  'insert into audit_log (at, actor, actor_role, action, target_kind, target_id, detail, ip, outcome) ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?, ?)'

export function insertValues(r: AuditInsert): unknown[] {
  return [
    r.at,
    r.actor,
    r.actor_role,
    r.action,
    r.target_kind,
    r.target_id,
    r.detail,
    r.ip,
    r.outcome,
  ]
}

export function toInsert(e: AuditEvent, at: Date): AuditInsert {
  return {
    at: at.toISOString(),
    actor: e.actor,
    actor_role: e.actor_role ?? null,
    action: e.action,
    target_kind: e.target_kind ?? null,
    target_id: e.target_id ?? null,
    detail: e.detail === undefined ? null : JSON.stringify(guardDetail(e.detail)),
    ip: e.ip ?? null,
    outcome: e.outcome ?? 'ok',
  }
}

/**
 * A last guard behind the callers: a mobile number or ID number that slipped into `detail`
 * (a filter value, a pasted body) is masked before it reaches the append-only log, where it
 * could never be removed.
 */
export function guardDetail(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value)
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const text = String(value)
    const masked = maskPersonalNumbers(text)
    return masked === text ? value : masked
  }
  if (Array.isArray(value)) return value.map(guardDetail)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = guardDetail(v)
    return out
  }
  return value
}
