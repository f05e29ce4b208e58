// The batch write of intake.repository.ts on SQLite's own handle: the same outcome, with
// statements prepared once per store and run synchronously inside the caller's transaction.
import type { STAGED_IDENTIFIERS } from '../store/bulk-load.js'
import type { SqliteHandle, SqliteStatement } from '../store/dialect.js'
import { preparedStatement } from '../store/dialect.js'
import type { BatchOutcome } from './intake.repository.js'
import type { PreparedRecord } from './prepared-record.js'
import type { RecordKind } from './record-kinds.js'
import { GroupedRowInserts, NewRowInserts, RowInserts } from './row-inserts.js'

type Existing = { record: string; record_hash: string; version: number }

/**
 * A record's text is bound as the UTF-8 bytes it came in when it did (PreparedRecord.jsonBytes):
 * a blob, stored as the text it is by the cast (SQLite takes a blob's bytes as they are), with
 * no conversion on this thread. A string binds through the cast unchanged.
 */
const RECORD_TEXT = 'cast(? as text)'

/**
 * Where new identifiers go: `identifiers`, or during a bulk load `identifiers_staged`, all of
 * them or only the invalid ones (store/bulk-load.ts reads the valid ones back from the links).
 */
export type IdentifierTarget = {
  table: 'identifiers' | typeof STAGED_IDENTIFIERS
  invalidOnly: boolean
}

const STORED: IdentifierTarget = { table: 'identifiers', invalidOnly: false }

/** New records inserted, changed ones versioned and updated, links replaced with the record. */
export function writeBatchOnSqlite<T>(
  handle: SqliteHandle,
  kind: RecordKind<T>,
  batch: PreparedRecord[],
  now: string,
  identifiers: IdentifierTarget = STORED,
): BatchOutcome {
  const records = new RecordStatements(handle, kind, now, batch[0])
  const links = kind.table === 'watchlist' ? null : new LinkWriter(handle, kind, now, identifiers)
  const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0 }
  const inserted = records.insertNew(batch)
  for (const r of batch) {
    if (inserted.has(r.key)) {
      outcome.inserted++
      links?.add(r)
      continue
    }
    const before = records.existing.get(r.key) as Existing
    if (before.record_hash === r.hash) {
      outcome.unchanged++
      continue
    }
    records.version.run(r.key, before.version, before.record, before.record_hash, now)
    records.update.run(...records.values(r, now), before.version + 1, r.key)
    links?.remove(r.key)
    links?.add(r)
    outcome.updated++
  }
  links?.flush()
  return outcome
}

class RecordStatements {
  /** The kind's own columns, in the order the statements bind them. */
  readonly columns: string[]
  readonly existing: SqliteStatement
  readonly version: SqliteStatement
  readonly update: SqliteStatement
  private readonly inserts: NewRowInserts

  constructor(
    handle: SqliteHandle,
    kind: RecordKind<unknown>,
    now: string,
    first?: PreparedRecord,
  ) {
    this.columns = Object.keys(first?.columns ?? {})
    const [table, key] = [kind.table, kind.keyColumn]
    const insertColumns = [...this.columns, 'record', 'record_hash', 'imported_at', 'version']
    // Which keys it inserted tells new records from those already stored. A new record's time
    // and version are every new record's: bound once a statement.
    this.inserts = new NewRowInserts(
      handle,
      table,
      [...this.columns, 'record', 'record_hash'],
      key,
      { record: RECORD_TEXT },
      { imported_at: '@now', version: '1' },
      { now },
    )
    this.existing = preparedStatement(
      handle,
      `select record, record_hash, version from ${table} where ${key} = ?`,
    )
    this.version = preparedStatement(
      handle,
      `insert into ${kind.versionsTable} (record_id, version, record, record_hash, replaced_at) values (?, ?, ?, ?, ?) on conflict do nothing`,
    )
    const sets = insertColumns.map((c) => `${c} = ${c === 'record' ? RECORD_TEXT : '?'}`).join(', ')
    this.update = preparedStatement(handle, `update ${table} set ${sets} where ${key} = ?`)
  }

  /** The record's own columns, text and hash: what an insert binds a row. */
  private row(r: PreparedRecord): unknown[] {
    const values: unknown[] = []
    for (const c of this.columns) values.push(r.columns[c] ?? null)
    values.push(r.jsonBytes ?? r.json, r.hash)
    return values
  }

  values(r: PreparedRecord, now: string): unknown[] {
    const values = this.row(r)
    values.push(now)
    return values
  }

  /** Inserts the records not stored yet, as version 1; returns their keys. */
  insertNew(batch: PreparedRecord[]): Set<string> {
    const inserted = new Set<string>()
    const keep = (keys: unknown[]) => keys.forEach((k) => inserted.add(k as string))
    for (const r of batch) this.inserts.add(this.row(r), keep)
    this.inserts.flush(keep)
    return inserted
  }
}

/** The written records' link rows, and their identifiers' rows (each tried once per call). */
class LinkWriter {
  private readonly seen = new Set<string>()
  private readonly identifiers: RowInserts
  private readonly links: GroupedRowInserts
  private readonly removeLinks: SqliteStatement
  private readonly isContact: boolean
  private readonly invalidOnly: boolean

  constructor(
    handle: SqliteHandle,
    kind: RecordKind<unknown>,
    private readonly now: string,
    target: IdentifierTarget,
  ) {
    this.isContact = kind.table === 'contacts'
    this.invalidOnly = target.invalidOnly
    const table = this.isContact ? 'contact_identifiers' : 'customer_identifiers'
    const owner = this.isContact ? 'contact_id' : 'customer_id'
    // A record's links share its key (and a contact's, its customer and time).
    const shared = this.isContact ? [owner, 'customer_id', 'received_at'] : [owner]
    this.identifiers = new RowInserts(
      handle,
      target.table,
      ['identifier', 'kind', 'value', 'valid', 'first_seen'],
      'on conflict do nothing',
    )
    this.links = new GroupedRowInserts(
      handle,
      table,
      shared,
      ['identifier', 'role'],
      'on conflict do nothing',
    )
    this.removeLinks = preparedStatement(handle, `delete from ${table} where ${owner} = ?`)
  }

  remove(key: string): void {
    this.removeLinks.run(key)
  }

  add(r: PreparedRecord): void {
    const own: string[] = []
    for (const l of r.links) {
      if (!(this.invalidOnly && l.valid) && !this.seen.has(l.identifier)) {
        this.seen.add(l.identifier)
        this.identifiers.add([l.identifier, l.kind, l.value, l.valid ? 1 : 0, this.now])
      }
      own.push(l.identifier, l.role)
    }
    const { customer_id: customer, received_at: receivedAt } = r.columns
    this.links.add(this.isContact ? [r.key, customer, receivedAt] : [r.key], own)
  }

  flush(): void {
    this.identifiers.flush()
    this.links.flush()
  }
}
