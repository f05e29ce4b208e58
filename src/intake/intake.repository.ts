// Writes a batch of prepared records: new ones inserted, changed ones updated with the earlier
// version kept, unchanged ones left alone; identifier links replaced with the record.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store/schema.js'
import type { IdentifierLink } from '../links/identifier.js'
import type { RecordKind } from './record-kinds.js'
import type { PreparedRecord } from './prepared-record.js'

type Db = Kysely<Database> | Transaction<Database>

export type BatchOutcome = { inserted: number; updated: number; unchanged: number }

type Existing = { key: string; record: string; record_hash: string; version: number }

/** Keys per IN list: keeps every statement under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500
/** Parameters per multi-row insert. */
const MAX_PARAMS = 8000

export async function writeBatch<T>(
  db: Db,
  kind: RecordKind<T>,
  batch: PreparedRecord[],
  now: string,
): Promise<BatchOutcome> {
  const existing = await loadExisting(
    db,
    kind,
    batch.map((r) => r.key),
  )
  const inserts: Record<string, unknown>[] = []
  const changed: PreparedRecord[] = []
  for (const r of batch) {
    const before = existing.get(r.key)
    if (before?.record_hash === r.hash) continue
    const row = {
      ...r.columns,
      record: r.json,
      record_hash: r.hash,
      imported_at: now,
      version: (before?.version ?? 0) + 1,
    }
    if (before) {
      changed.push(r)
      await replaceRecord(db, kind, row, before, now)
    } else inserts.push(row)
  }
  await insertRows(db, kind.table, inserts)
  const written = batch.filter((r) => existing.get(r.key)?.record_hash !== r.hash)
  await writeLinks(db, kind, written, changed, now)
  return {
    inserted: inserts.length,
    updated: changed.length,
    unchanged: batch.length - written.length,
  }
}

async function loadExisting<T>(
  db: Db,
  kind: RecordKind<T>,
  keys: string[],
): Promise<Map<string, Existing>> {
  const map = new Map<string, Existing>()
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .selectFrom(kind.table as 'contacts')
      .select([`${kind.keyColumn} as key` as 'contact_id', 'record', 'record_hash', 'version'])
      .where(kind.keyColumn as 'contact_id', 'in', keys.slice(i, i + CHUNK))
      .execute()
    for (const r of rows as unknown as Existing[]) map.set(r.key, r)
  }
  return map
}

export async function insertRows(
  db: Db,
  table: keyof Database,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0] ?? { a: 1 }).length))
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

async function replaceRecord<T>(
  db: Db,
  kind: RecordKind<T>,
  row: Record<string, unknown>,
  before: Existing,
  now: string,
) {
  await db
    .insertInto(kind.versionsTable)
    .values({
      record_id: before.key,
      version: before.version,
      record: before.record,
      record_hash: before.record_hash,
      replaced_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
  await db
    .updateTable(kind.table as 'contacts')
    .set(row as never)
    .where(kind.keyColumn as 'contact_id', '=', before.key)
    .execute()
}

async function writeLinks<T>(
  db: Db,
  kind: RecordKind<T>,
  written: PreparedRecord[],
  changed: PreparedRecord[],
  now: string,
) {
  if (kind.table === 'watchlist' || !written.length) return
  const isContact = kind.table === 'contacts'
  const linkTable = isContact ? 'contact_identifiers' : 'customer_identifiers'
  const identifiers = new Map<string, Record<string, unknown>>()
  const linkRows: Record<string, unknown>[] = []
  for (const r of written) {
    for (const l of r.links) {
      identifiers.set(l.identifier, identifierRow(l, now))
      linkRows.push(
        isContact
          ? contactLinkRow(r, l)
          : { customer_id: r.key, identifier: l.identifier, role: l.role },
      )
    }
  }
  await insertRows(db, 'identifiers', [...identifiers.values()])
  const stale = changed.map((r) => r.key)
  for (let i = 0; i < stale.length; i += CHUNK) {
    await db
      .deleteFrom(linkTable)
      .where(isContact ? 'contact_id' : 'customer_id', 'in', stale.slice(i, i + CHUNK))
      .execute()
  }
  await insertRows(db, linkTable, linkRows)
}

function identifierRow(l: IdentifierLink, now: string) {
  return {
    identifier: l.identifier,
    kind: l.kind,
    value: l.value,
    valid: l.valid ? 1 : 0,
    first_seen: now,
  }
}

function contactLinkRow(r: PreparedRecord, l: IdentifierLink) {
  return {
    contact_id: r.key,
    identifier: l.identifier,
    role: l.role,
    customer_id: r.columns.customer_id,
    received_at: r.columns.received_at,
  }
}
