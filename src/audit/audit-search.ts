// The audit log for auditors: newest first, filtered by actor, action prefix, target and time,
// paged by keyset on seq (the cursor is the last seq seen).
import type { Context } from '../context.js'
import type { AuditOutcome, AuditRow } from './audit-event.js'

export type AuditQuery = {
  actor?: string
  /** A prefix: `contact.` finds contact.read, contact.unmask, … */
  action?: string
  target?: string
  /** From this time on (inclusive). */
  from?: string
  /** Before this time (exclusive). */
  to?: string
  cursor?: string
  limit?: number
}

export type AuditPage = { items: AuditRow[]; next_cursor: string | null }

export const DEFAULT_AUDIT_LIMIT = 50
export const MAX_AUDIT_LIMIT = 500

export class AuditQueryError extends Error {
  readonly code = 'validation'
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}

function isoTime(field: string, value: string): string {
  const at = Date.parse(value)
  if (Number.isNaN(at)) throw new AuditQueryError(field, 'not a time')
  return new Date(at).toISOString()
}

export async function searchAudit(ctx: Context, q: AuditQuery = {}): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? DEFAULT_AUDIT_LIMIT), 1), MAX_AUDIT_LIMIT)
  let query = ctx.db.selectFrom('audit_log').selectAll()
  if (q.actor) query = query.where('actor', '=', q.actor)
  const action = q.action
  // substr rather than LIKE: the same case-sensitive meaning on both stores, no wildcards to escape.
  if (action)
    query = query.where((eb) =>
      eb(eb.fn('substr', ['action', eb.lit(1), eb.val(action.length)]), '=', action),
    )
  if (q.target) query = query.where('target_id', '=', q.target)
  if (q.from) query = query.where('at', '>=', isoTime('from', q.from))
  if (q.to) query = query.where('at', '<', isoTime('to', q.to))
  if (q.cursor) {
    if (!/^\d{1,18}$/.test(q.cursor))
      throw new AuditQueryError('cursor', 'not a cursor from this log')
    query = query.where('seq', '<', Number(q.cursor))
  }
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit).map((r): AuditRow => ({
    ...r,
    // PostgreSQL returns bigserial as a string.
    seq: Number(r.seq),
    detail: parseDetail(r.detail),
    outcome: r.outcome as AuditOutcome,
  }))
  const last = items[items.length - 1]
  return { items, next_cursor: rows.length > limit && last ? String(last.seq) : null }
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value }
  } catch {
    return { unparsed: text }
  }
}
