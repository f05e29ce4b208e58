// Reading the watchlist: the console's filtered, newest-first pages, one entry, its history, and
// the active entries as interchange records.
import { sql } from 'kysely'
import type { ExpressionBuilder } from 'kysely'
import type { Context } from '../context.js'
import type { WatchlistEntry } from '../contract/index.js'
import { watchlistKinds } from '../contract/index.js'
import { watchlistIdentifier } from '../links/watchlist-identifier.js'
import type { Database } from '../store/schema.js'
import { decodeCursor, encodeCursor } from './watchlist-cursor.js'
import { WatchlistError } from './watchlist-error.js'
import type { WatchlistItem, WatchlistKind, WatchlistVersion } from './watchlist-item.js'
import {
  itemColumns,
  parseStoredEntry,
  toWatchlistItem,
  toWatchlistVersion,
} from './watchlist-item.js'
import { watchlistValueProblem } from './watchlist-value.js'

export type WatchlistQuery = {
  kind?: WatchlistKind
  /** A substring of the label, the value or the identifier; a value that normalises matches too. */
  q?: string
  includeExpired?: boolean
  cursor?: string | null
  /** 50 unless given; at most 200. */
  limit?: number
}

export type WatchlistPage = { items: WatchlistItem[]; next_cursor: string | null }

export const DEFAULT_PAGE = 50
export const MAX_PAGE = 200

type Eb = ExpressionBuilder<Database, 'watchlist'>

/** Newest listing first, keyset-paged on (added_at, entry_key). */
export async function listWatchlist(
  ctx: Context,
  query: WatchlistQuery = {},
): Promise<WatchlistPage> {
  const now = ctx.clock.now()
  const limit = pageSize(query.limit)
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const search = query.q?.trim() ?? ''
  let q = ctx.db.selectFrom('watchlist').select(itemColumns)
  if (query.kind) q = q.where('kind', '=', query.kind)
  if (!query.includeExpired) q = q.where((eb) => activeAt(eb, now))
  if (search) q = q.where((eb) => matching(eb, search, query.kind))
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('added_at', '<', after.added_at),
        eb.and([eb('added_at', '=', after.added_at), eb('entry_key', '<', after.entry_key)]),
      ]),
    )
  const rows = await q
    .orderBy('added_at', 'desc')
    .orderBy('entry_key', 'desc')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => toWatchlistItem(r, now)),
    next_cursor: rows.length > limit && last ? encodeCursor(last) : null,
  }
}

export async function getWatchlistEntry(
  ctx: Context,
  entryKey: string,
): Promise<WatchlistItem | null> {
  const row = await ctx.db
    .selectFrom('watchlist')
    .select(itemColumns)
    .where('entry_key', '=', entryKey)
    .executeTakeFirst()
  return row ? toWatchlistItem(row, ctx.clock.now()) : null
}

/** Every version of an entry, newest first, each with who listed or changed it and why. */
export async function watchlistHistory(
  ctx: Context,
  entryKey: string,
): Promise<WatchlistVersion[]> {
  const current = await ctx.db
    .selectFrom('watchlist')
    .select(['record', 'version'])
    .where('entry_key', '=', entryKey)
    .executeTakeFirst()
  if (!current) throw new WatchlistError('not_found', `no watchlist entry ${entryKey}`)
  const earlier = await ctx.db
    .selectFrom('watchlist_versions')
    .select(['record', 'version', 'replaced_at'])
    .where('record_id', '=', entryKey)
    .orderBy('version', 'desc')
    .execute()
  return [
    toWatchlistVersion(entryKey, current.version, current.record, null),
    ...earlier.map((v) => toWatchlistVersion(entryKey, v.version, v.record, v.replaced_at)),
  ]
}

/**
 * The entries that apply now, as the interchange records they are stored as (extra fields
 * included). Detection itself should load every entry (src/detect loadWatchlist): it applies an
 * expired entry to the contacts received before it expired.
 */
export async function activeWatchlistEntries(ctx: Context): Promise<WatchlistEntry[]> {
  const now = ctx.clock.now()
  const rows = await ctx.db
    .selectFrom('watchlist')
    .select('record')
    .where((eb) => activeAt(eb, now))
    .orderBy('entry_key')
    .execute()
  return rows.map((r) => parseStoredEntry(r.record))
}

function activeAt(eb: Eb, now: Date) {
  return eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())])
}

/** Case-insensitive substring of label, value or identifier, or the value's own identifier. */
function matching(eb: Eb, search: string, kind: WatchlistKind | undefined) {
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const contains = (column: 'label' | 'value' | 'identifier') =>
    eb(sql<string>`lower(${sql.ref(column)})`, 'like', sql<string>`${pattern} escape '\\'`)
  const identifiers = searchedIdentifiers(search, kind)
  return eb.or([
    contains('label'),
    contains('value'),
    contains('identifier'),
    ...(identifiers.length ? [eb('identifier', 'in', identifiers)] : []),
  ])
}

/** "138 0013 8000" finds phone:+8613800138000: what the search names, normalised as listed. */
function searchedIdentifiers(search: string, kind: WatchlistKind | undefined): string[] {
  const kinds = kind ? [kind] : watchlistKinds
  const found = kinds
    .filter((k) => watchlistValueProblem({ kind: k, value: search }) === null)
    .map((k) => watchlistIdentifier({ kind: k, value: search }))
  return [...new Set(found)]
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)))
}
