// A large import into a SQLite store that holds less than it brings. Two kinds of write land all
// over their B-trees and, past the page cache, cost far more than the rows themselves: secondary
// indexes keyed by identifier or customer, and new identifiers in their own keyed table. For such
// an import the indexes are dropped and new identifiers appended to `identifiers_staged`, or, when
// the import names its link table, not written at all: a valid identifier is its link's
// `kind:value` key, so at the end it is read back from the links in key order (only invalid ones,
// whose flag the key does not carry, are staged). At the end the indexes are built once from
// sorted keys and the identifiers merged in key order.
// What is left to finish is noted in `bulk_load_pending` in the same transaction as the change,
// so an import that dies half-way leaves notes that the next opening of the store acts on (unless
// the importing process is still alive). PostgreSQL is never put in this state.
import type { SqliteHandle } from './dialect.js'

export type BulkLoad = {
  /** Indexes dropped for this load, to be built at its end. */
  readonly deferredIndexes: readonly string[]
  /** Whether new identifiers go to `identifiers_staged` until the end. */
  readonly stagesIdentifiers: boolean
  /** Whether only the invalid ones do, the valid ones being read back from the links at the end. */
  readonly stagesInvalidOnly: boolean
  /**
   * Builds the indexes, merges the identifiers and removes the notes; safe to call twice.
   * `onStep` hears of each piece of work before it starts (a million rows' index takes seconds).
   */
  finish(onStep?: (name: string, step: number, steps: number) => void): void
}

/** Nothing deferred: what a small import, or one on PostgreSQL, gets. */
export const NO_BULK_LOAD: BulkLoad = {
  deferredIndexes: [],
  stagesIdentifiers: false,
  stagesInvalidOnly: false,
  finish: () => undefined,
}

export const STAGED_IDENTIFIERS = 'identifiers_staged'

/** SQLite's helper threads for the sorts at the end: one, beside the importing thread. */
const SORTER_THREADS = 1

/**
 * The page cache while the indexes are built, in KiB. SQLite sorts in runs as large as the page
 * cache: a 64 MB run sorts its linked list far outside the CPU's caches, while 2 MB runs sort
 * inside them, the helper thread sorts one while the next is read, and merging the runs costs
 * less than it saves (1M contacts: the three steps 10.4 → 7.1 s of CPU, 16.6 → 9.6 s of wall).
 * Reading the table and appending sorted keys need no more cache than that.
 */
const SORT_CACHE_KIB = 2048

/** Merges staged identifiers in key order (the first one seen keeps its first_seen). */
const MERGE_STAGED_IDENTIFIERS = `
  insert into identifiers (identifier, kind, value, valid, first_seen)
    select identifier, kind, value, valid, first_seen from ${STAGED_IDENTIFIERS}
    where true order by identifier, rowid
    on conflict do nothing;
  delete from ${STAGED_IDENTIFIERS};`

export type LinkTable = 'contact_identifiers' | 'customer_identifiers'

/**
 * The staged (invalid) identifiers, then every identifier the links name that the store lacks
 * (grouped and ordered on the links' index by identifier, built just before: no sort),
 * as valid, split at its first colon into kind and value (links/identifier.ts keys them so).
 * Identifiers already stored keep their row, as an insert that meets them would.
 */
function mergeFromLinks(links: LinkTable, firstSeen: string): string {
  const seen = `'${firstSeen.replaceAll("'", "''")}'`
  return `${MERGE_STAGED_IDENTIFIERS}
  insert into identifiers (identifier, kind, value, valid, first_seen)
    select identifier, substr(identifier, 1, instr(identifier, ':') - 1),
      substr(identifier, instr(identifier, ':') + 1), 1, ${seen}
    from ${links} where true group by identifier order by identifier
    on conflict do nothing;`
}

export type BulkLoadPlan = {
  indexes: readonly string[]
  stageIdentifiers: boolean
  /**
   * Stage only invalid identifiers and read the valid ones back from this link table at the
   * end, first seen at `firstSeen`: three identifier rows a contact fewer to write meanwhile.
   */
  identifiersFromLinks?: { table: LinkTable; firstSeen: string }
}

/**
 * Drops the plan's indexes (those that exist) and notes what to finish. Runs outside any
 * transaction the caller holds: a DDL statement commits on its own here.
 */
export function beginBulkLoad(handle: SqliteHandle, plan: BulkLoadPlan): BulkLoad {
  if (!hasPendingTable(handle)) return NO_BULK_LOAD
  const indexes = plan.indexes
    .map((name) => ({ name, sql: indexSql(handle, name) }))
    .filter((x): x is { name: string; sql: string } => x.sql !== null)
  if (!indexes.length && !plan.stageIdentifiers) return NO_BULK_LOAD
  const note = handle.prepare(
    `insert into bulk_load_pending (name, sql, owner_pid, noted_at) values (?, ?, ?, ?)
     on conflict (name) do update set owner_pid = excluded.owner_pid, noted_at = excluded.noted_at`,
  )
  const noted = new Date().toISOString()
  handle.transaction(() => {
    for (const { name, sql } of indexes) {
      note.run(name, ifNotExists(sql), process.pid, noted)
      handle.exec(`drop index if exists "${name}"`)
    }
    if (plan.stageIdentifiers) note.run(STAGED_IDENTIFIERS, mergeSql(plan), process.pid, noted)
  })()
  const pending = [
    ...indexes.map((i) => i.name),
    ...(plan.stageIdentifiers ? [STAGED_IDENTIFIERS] : []),
  ]
  let finished = false
  return {
    deferredIndexes: indexes.map((i) => i.name),
    stagesIdentifiers: plan.stageIdentifiers,
    stagesInvalidOnly: plan.stageIdentifiers && plan.identifiersFromLinks !== undefined,
    finish(onStep) {
      if (finished) return
      finished = true
      finishPending(handle, pending, onStep)
    },
  }
}

/**
 * Finishes what a bulk load that is no longer running left. Called when a store opens; the
 * notes of an importer that is still alive (another process, mid-import) are left to it.
 */
export function finishAbandonedBulkLoads(handle: SqliteHandle): string[] {
  if (!hasPendingTable(handle)) return []
  const notes = handle.prepare('select name, owner_pid from bulk_load_pending').all() as {
    name: string
    owner_pid: number
  }[]
  const abandoned = notes.filter((n) => n.owner_pid === process.pid || !isAlive(n.owner_pid))
  finishPending(
    handle,
    abandoned.map((n) => n.name),
  )
  return abandoned.map((n) => n.name)
}

function finishPending(
  handle: SqliteHandle,
  names: readonly string[],
  onStep?: (name: string, step: number, steps: number) => void,
): void {
  if (!names.length) return
  const read = handle.prepare('select sql from bulk_load_pending where name = ?')
  const forget = handle.prepare('delete from bulk_load_pending where name = ?')
  // The sorts behind CREATE INDEX and the ordered merge spill to a temporary file rather than
  // to memory: a million rows' keys would otherwise sit in the process meanwhile.
  const tempStore = handle.pragma('temp_store', { simple: true }) as number
  handle.pragma('temp_store = FILE')
  // The import's other thread is done by now: a sort too large for one pass in memory (a
  // million contacts' links) is split, and the pieces are sorted on that core as well.
  const threads = handle.pragma('threads', { simple: true }) as number
  handle.pragma(`threads = ${Math.max(threads, SORTER_THREADS)}`)
  const cacheSize = handle.pragma('cache_size', { simple: true }) as number
  handle.pragma(`cache_size = -${SORT_CACHE_KIB}`)
  try {
    for (const [i, name] of names.entries()) {
      onStep?.(name, i + 1, names.length)
      const row = read.get(name) as { sql: string } | undefined
      handle.transaction(() => {
        if (row) handle.exec(row.sql)
        forget.run(name)
      })()
    }
  } finally {
    handle.pragma(`cache_size = ${cacheSize}`)
    handle.pragma(`threads = ${threads}`)
    handle.pragma(`temp_store = ${tempStore}`)
  }
}

function mergeSql({ identifiersFromLinks: from }: BulkLoadPlan): string {
  return from ? mergeFromLinks(from.table, from.firstSeen) : MERGE_STAGED_IDENTIFIERS
}

function ifNotExists(createIndex: string): string {
  return createIndex.replace(/^\s*create\s+index\s+/i, 'CREATE INDEX IF NOT EXISTS ')
}

function indexSql(handle: SqliteHandle, name: string): string | null {
  const row = handle
    .prepare("select sql from sqlite_master where type = 'index' and name = ?")
    .get(name) as { sql: string | null } | undefined
  return row?.sql ?? null
}

function hasPendingTable(handle: SqliteHandle): boolean {
  return (
    handle
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'bulk_load_pending'")
      .get() !== undefined
  )
}

/** Signal 0 asks the system whether the process exists without touching it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
