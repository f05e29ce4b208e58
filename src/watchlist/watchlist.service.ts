// The watchlist as operators manage it in the console. Every change goes through the intake's
// own record kind, preparation and batch write — the path of `grayline import watchlist` — so
// normalisation, the identifier and the version history are the import's. Nothing is deleted:
// an entry is expired, and each earlier version stays in watchlist_versions.
import type { Transaction } from 'kysely'
import type { Context } from '../context.js'
import { parseInterchangeTime, toStoredTime, watchlistKinds } from '../contract/index.js'
import { writeBatch } from '../intake/intake.repository.js'
import { prepareRecord } from '../intake/prepared-record.js'
import { watchlistKind } from '../intake/record-kinds.js'
import { validateLine } from '../intake/validate-line.js'
import type { Database } from '../store/schema.js'
import { WatchlistError, invalidField } from './watchlist-error.js'
import type { StoredWatchlistEntry, WatchlistItem, WatchlistKind } from './watchlist-item.js'
import { isActive, itemColumns, parseStoredEntry, toWatchlistItem } from './watchlist-item.js'
import { watchlistValueProblem } from './watchlist-value.js'

export type NewWatchlistEntry = {
  kind: WatchlistKind
  value: string
  label: string
  reason: string
  expires_at?: string | null
  /** Who says so; 'console' unless given. Part of the entry's key. */
  source?: string
}

export type WatchlistPatch = {
  label?: string
  reason?: string
  /** null removes the expiry. */
  expires_at?: string | null
  /** Why this change was made; the new reason when not given. */
  change_reason?: string
}

export const CONSOLE_SOURCE = 'console'
const MAX_REASON_CHARS = 2000

/**
 * Lists an identifier. Listing what is already listed and active (the same identifier, however
 * written, from the same source) changes nothing and returns that entry; an expired one is
 * listed again as its next version.
 */
export async function addWatchlistEntry(
  ctx: Context,
  input: NewWatchlistEntry,
  actor: string,
): Promise<WatchlistItem> {
  const now = ctx.clock.now()
  if (!(watchlistKinds as readonly string[]).includes(input.kind))
    throw invalidField('kind', `expected one of ${watchlistKinds.join(', ')}`)
  const problem = watchlistValueProblem(input)
  if (problem) throw invalidField('value', problem)
  const expiresAt = futureTime(input.expires_at, now)
  const entry: StoredWatchlistEntry = {
    kind: input.kind,
    value: input.value.trim(),
    label: required('label', input.label),
    source: input.source === undefined ? CONSOLE_SOURCE : required('source', input.source),
    added_at: now.toISOString(),
    ...(expiresAt ? { expires_at: expiresAt } : {}),
    reason: reasonText('reason', input.reason),
    added_by: required('actor', actor),
  }
  checkSchema(entry)
  const key = prepareRecord(watchlistKind, entry).key
  return writeEntry(ctx, key, (current) =>
    current && isActive(current.expires_at, now) ? null : entry,
  )
}

/** Changes the label, reason or expiry; the earlier version is kept. */
export async function updateWatchlistEntry(
  ctx: Context,
  entryKey: string,
  patch: WatchlistPatch,
  actor: string,
): Promise<WatchlistItem> {
  const now = ctx.clock.now()
  const changedBy = required('actor', actor)
  const label = patch.label === undefined ? undefined : required('label', patch.label)
  const reason = patch.reason === undefined ? undefined : reasonText('reason', patch.reason)
  const changeReason =
    patch.change_reason === undefined ? reason : reasonText('change_reason', patch.change_reason)
  const expiresAt = patch.expires_at === undefined ? undefined : futureTime(patch.expires_at, now)
  return writeEntry(ctx, entryKey, (current) => {
    const before = parseStoredEntry(existing(current, entryKey).record)
    const after: StoredWatchlistEntry = { ...before }
    if (label !== undefined) after.label = label
    if (reason !== undefined) after.reason = reason
    if (expiresAt === null) delete after.expires_at
    else if (expiresAt !== undefined) after.expires_at = expiresAt
    if (sameListing(before, after)) return null
    return stamped(after, changedBy, changeReason, now)
  })
}

/** Stops an entry applying from now on; its history stays. Expiring an expired entry is a no-op. */
export async function expireWatchlistEntry(
  ctx: Context,
  entryKey: string,
  reason: string,
  actor: string,
): Promise<WatchlistItem> {
  const now = ctx.clock.now()
  const changedBy = required('actor', actor)
  const why = reasonText('reason', reason)
  return writeEntry(ctx, entryKey, (current) => {
    const row = existing(current, entryKey)
    if (!isActive(row.expires_at, now)) return null
    const expired = { ...parseStoredEntry(row.record), expires_at: now.toISOString() }
    return stamped(expired, changedBy, why, now)
  })
}

type CurrentRow = { record: string; expires_at: string | null }

/**
 * Reads the entry and writes what `next` makes of it (null: leave it) in one transaction, row
 * locked on PostgreSQL so that two concurrent changes both land in the history.
 */
async function writeEntry(
  ctx: Context,
  key: string,
  next: (current: CurrentRow | undefined) => StoredWatchlistEntry | null,
): Promise<WatchlistItem> {
  const now = ctx.clock.now()
  const row = await ctx.db.transaction().execute(async (trx) => {
    const entry = next(await currentRow(trx, key, ctx.store === 'postgres'))
    if (entry) {
      checkSchema(entry)
      await writeBatch(trx, watchlistKind, [prepareRecord(watchlistKind, entry)], now.toISOString())
    }
    return trx
      .selectFrom('watchlist')
      .select(itemColumns)
      .where('entry_key', '=', key)
      .executeTakeFirstOrThrow()
  })
  return toWatchlistItem(row, now)
}

function currentRow(trx: Transaction<Database>, key: string, lock: boolean) {
  const q = trx
    .selectFrom('watchlist')
    .select(['record', 'expires_at'])
    .where('entry_key', '=', key)
  return (lock ? q.forUpdate() : q).executeTakeFirst()
}

function existing(current: CurrentRow | undefined, entryKey: string): CurrentRow {
  if (!current) throw new WatchlistError('not_found', `no watchlist entry ${entryKey}`)
  return current
}

/** Who changed an entry, why and when; replaces the previous change's note. */
function stamped(
  entry: StoredWatchlistEntry,
  changedBy: string,
  changeReason: string | undefined,
  now: Date,
): StoredWatchlistEntry {
  const next: StoredWatchlistEntry = {
    ...entry,
    changed_by: changedBy,
    changed_at: now.toISOString(),
  }
  if (changeReason) next.change_reason = changeReason
  else delete next.change_reason
  return next
}

function sameListing(a: StoredWatchlistEntry, b: StoredWatchlistEntry): boolean {
  return a.label === b.label && a.reason === b.reason && a.expires_at === b.expires_at
}

/** The same field checks as an imported line, so the console cannot store what import rejects. */
function checkSchema(entry: StoredWatchlistEntry): void {
  const result = validateLine(watchlistKind.schema, { line: 0, bytes: 0, value: entry, raw: '' })
  if (!result.ok) throw invalidField(result.field ?? 'entry', result.reason)
}

function required(field: string, value: string): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) throw invalidField(field, 'must not be empty')
  return text
}

function reasonText(field: string, value: string): string {
  const text = required(field, value)
  if (text.length > MAX_REASON_CHARS)
    throw invalidField(field, `longer than ${MAX_REASON_CHARS} characters`)
  return text
}

/** An expiry in the stored UTC form, refused when it is not a time or already past. */
function futureTime(value: string | null | undefined, now: Date): string | null {
  if (value === undefined || value === null || value.trim() === '') return null
  if (!Number.isFinite(parseInterchangeTime(value)))
    throw invalidField('expires_at', 'expected an ISO 8601 time, e.g. 2026-12-31T23:59:59+08:00')
  const stored = toStoredTime(value)
  if (stored <= now.toISOString())
    throw invalidField('expires_at', 'already past — expire the entry instead')
  return stored
}
