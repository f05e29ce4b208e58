// The batch write of intake.repository.ts on SQLite's own handle: the same outcome, with
// statements prepared once per store and run synchronously inside the caller's transaction.
import type { STAGED_IDENTIFIERS } from '../store/bulk-load.js'
import type { SqliteHandle, SqliteStatement } from '../store/dialect.js'
import { preparedStatement } from '../store/dialect.js'
import type { BatchOutcome } from './intake.repository.js'
import type { PreparedRecord } from './prepared-record.js'
import type { RecordKind } from './record-kinds.js'

type Existing = { record: string; record_hash: string; version: number }

/**
 * New records inserted, changed ones versioned and updated, links replaced with the record. New
 * identifiers go to `identifierTable`: `identifiers_staged` during a bulk load (store/bulk-load.ts).
 */
export function writeBatchOnSqlite<T>(
  handle: SqliteHandle,
  kind: RecordKind<T>,
  batch: PreparedRecord[],
  now: string,
  identifierTable: 'identifiers' | typeof STAGED_IDENTIFIERS = 'identifiers',
): BatchOutcome {
  const records = new RecordStatements(handle, kind, batch[0])
  const links =
    kind.table === 'watchlist' ? null : new LinkWriter(handle, kind, now, identifierTable)
  const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0 }
  for (const r of batch) {
    const values = [...records.columns.map((c) => r.columns[c] ?? null), r.json, r.hash, now]
    if (records.insert.run(...values, 1).changes > 0) outcome.inserted++
    else {
      const before = records.existing.get(r.key) as Existing
      if (before.record_hash === r.hash) {
        outcome.unchanged++
        continue
      }
      records.version.run(r.key, before.version, before.record, before.record_hash, now)
      records.update.run(...values, before.version + 1, r.key)
      links?.remove(r.key)
      outcome.updated++
    }
    links?.add(r)
  }
  return outcome
}

class RecordStatements {
  /** The kind's own columns, in the order the statements bind them. */
  readonly columns: string[]
  readonly insert: SqliteStatement
  readonly existing: SqliteStatement
  readonly version: SqliteStatement
  readonly update: SqliteStatement

  constructor(handle: SqliteHandle, kind: RecordKind<unknown>, first?: PreparedRecord) {
    this.columns = Object.keys(first?.columns ?? {})
    const [table, key] = [kind.table, kind.keyColumn]
    const insertColumns = [...this.columns, 'record', 'record_hash', 'imported_at', 'version']
    this.insert = preparedStatement(
      handle,
      `insert into ${table} (${insertColumns.join(', ')}) values (${marks(insertColumns.length)}) on conflict do nothing`,
    )
    this.existing = preparedStatement(
      handle,
      `select record, record_hash, version from ${table} where ${key} = ?`,
    )
    this.version = preparedStatement(
      handle,
      `insert into ${kind.versionsTable} (record_id, version, record, record_hash, replaced_at) values (?, ?, ?, ?, ?) on conflict do nothing`,
    )
    const sets = insertColumns.map((c) => `${c} = ?`).join(', ')
    this.update = preparedStatement(handle, `update ${table} set ${sets} where ${key} = ?`)
  }
}

/** The written records' link rows, and their identifiers' rows (each tried once per call). */
class LinkWriter {
  private readonly seen = new Set<string>()
  private readonly identifier: SqliteStatement
  private readonly link: SqliteStatement
  private readonly removeLinks: SqliteStatement
  private readonly isContact: boolean

  constructor(
    handle: SqliteHandle,
    kind: RecordKind<unknown>,
    private readonly now: string,
    identifierTable: string,
  ) {
    this.isContact = kind.table === 'contacts'
    const table = this.isContact ? 'contact_identifiers' : 'customer_identifiers'
    const owner = this.isContact ? 'contact_id' : 'customer_id'
    const columns = this.isContact
      ? `${owner}, identifier, role, customer_id, received_at`
      : `${owner}, identifier, role`
    this.identifier = preparedStatement(
      handle,
      `insert into ${identifierTable} (identifier, kind, value, valid, first_seen) values (?, ?, ?, ?, ?) on conflict do nothing`,
    )
    this.link = preparedStatement(
      handle,
      `insert into ${table} (${columns}) values (${marks(this.isContact ? 5 : 3)}) on conflict do nothing`,
    )
    this.removeLinks = preparedStatement(handle, `delete from ${table} where ${owner} = ?`)
  }

  remove(key: string): void {
    this.removeLinks.run(key)
  }

  add(r: PreparedRecord): void {
    const { customer_id: customer, received_at: receivedAt } = r.columns
    for (const l of r.links) {
      if (!this.seen.has(l.identifier)) {
        this.seen.add(l.identifier)
        this.identifier.run(l.identifier, l.kind, l.value, l.valid ? 1 : 0, this.now)
      }
      if (this.isContact) this.link.run(r.key, l.identifier, l.role, customer, receivedAt)
      else this.link.run(r.key, l.identifier, l.role)
    }
  }
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ')
}
