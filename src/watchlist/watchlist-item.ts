// The watchlist as the console shows it: the stored columns plus who listed an entry and why,
// which live as extra fields of the interchange record (its schema keeps extra fields).
import type { WatchlistEntry } from '../contract/index.js'
import { watchlistKind } from '../intake/record-kinds.js'
import type { WatchlistTable } from '../store/schema.js'

export type WatchlistKind = WatchlistEntry['kind']

/** Raw values: the server masks them. */
export type WatchlistItem = {
  entry_key: string
  kind: WatchlistKind
  value: string
  identifier: string
  label: string
  source: string
  /** Why it was listed; null for entries imported without one. */
  reason: string | null
  /** Who listed it; null for entries imported without one. */
  added_by: string | null
  added_at: string
  expires_at: string | null
  /** Not yet expired at the context clock's now. */
  active: boolean
  version: number
}

/** One version of an entry, current or kept, with who changed it and why. */
export type WatchlistVersion = Omit<WatchlistItem, 'active'> & {
  changed_by: string | null
  change_reason: string | null
  changed_at: string | null
  /** When a later version replaced this one; null for the current version. */
  replaced_at: string | null
}

/** The console's who/when/why, kept on the record beside the interchange fields. */
export type Provenance = {
  reason?: string
  added_by?: string
  changed_by?: string
  change_reason?: string
  changed_at?: string
}

export type StoredWatchlistEntry = WatchlistEntry & Provenance

export function parseStoredEntry(record: string): StoredWatchlistEntry {
  return JSON.parse(record) as StoredWatchlistEntry
}

/** Active means not expired yet: an entry that expires now has stopped applying. */
export function isActive(expiresAt: string | null, now: Date): boolean {
  return expiresAt === null || expiresAt > now.toISOString()
}

/** The columns an item is read from. */
export const itemColumns = [
  'entry_key',
  'kind',
  'value',
  'identifier',
  'label',
  'source',
  'added_at',
  'expires_at',
  'record',
  'version',
] as const

type Row = Pick<WatchlistTable, (typeof itemColumns)[number]>

/** The current version: its stored columns, and who and why from its record. */
export function toWatchlistItem(row: Row, now: Date): WatchlistItem {
  const entry = parseStoredEntry(row.record)
  return {
    entry_key: row.entry_key,
    kind: row.kind as WatchlistKind,
    value: row.value,
    identifier: row.identifier,
    label: row.label,
    source: row.source,
    reason: text(entry.reason),
    added_by: text(entry.added_by),
    added_at: row.added_at,
    expires_at: row.expires_at,
    active: isActive(row.expires_at, now),
    version: row.version,
  }
}

export function toWatchlistVersion(
  entryKey: string,
  version: number,
  record: string,
  replacedAt: string | null,
): WatchlistVersion {
  const { item, provenance } = describe(entryKey, version, parseStoredEntry(record))
  return { ...item, ...provenance, replaced_at: replacedAt }
}

/** A kept version has only its record: its columns are worked out as the intake wrote them. */
function describe(entryKey: string, version: number, entry: StoredWatchlistEntry) {
  const columns = watchlistKind.columns(entry)
  const item: Omit<WatchlistItem, 'active'> = {
    entry_key: entryKey,
    kind: entry.kind,
    value: entry.value,
    identifier: String(columns.identifier),
    label: entry.label,
    source: entry.source,
    reason: text(entry.reason),
    added_by: text(entry.added_by),
    added_at: String(columns.added_at),
    expires_at: columns.expires_at === null ? null : String(columns.expires_at),
    version,
  }
  const provenance = {
    changed_by: text(entry.changed_by),
    change_reason: text(entry.change_reason),
    changed_at: text(entry.changed_at),
  }
  return { item, provenance }
}

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null
}
