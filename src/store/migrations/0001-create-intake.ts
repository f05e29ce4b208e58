// Customers, contacts, their history, the identifier links and the watchlist.
// Frozen in time: never import app code here.
import { SqliteAdapter, sql } from 'kysely'
import type { CreateTableBuilder, Kysely } from 'kysely'

/**
 * Small rows looked up by their primary key: on SQLite they live in the key's B-tree alone
 * (WITHOUT ROWID), which saves a second tree to write on every insert.
 */
function keyedTable<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  return sqlite ? table.modifyEnd(sql`without rowid`) : table
}

function versionTable(db: Kysely<any>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['record_id', 'version'])
    .execute()
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('customer_id', 'text', (c) => c.primaryKey())
    .addColumn('name_key', 'text')
    .addColumn('id_number', 'text')
    .addColumn('id_number_valid', 'integer')
    .addColumn('phone', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()
  await versionTable(db, 'customer_versions')

  await db.schema
    .createTable('contacts')
    .addColumn('contact_id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('caller_role', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('contacts_customer_time')
    .on('contacts')
    .columns(['customer_id', 'received_at'])
    .execute()
  await db.schema.createIndex('contacts_time').on('contacts').column('received_at').execute()
  await versionTable(db, 'contact_versions')

  await keyedTable(db, db.schema.createTable('identifiers'))
    .addColumn('identifier', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .execute()

  await keyedTable(db, db.schema.createTable('contact_identifiers'))
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_identifiers_pk', ['contact_id', 'identifier', 'role'])
    .execute()
  await db.schema
    .createIndex('contact_identifiers_fan_out')
    .on('contact_identifiers')
    .columns(['identifier', 'received_at', 'customer_id'])
    .execute()

  await keyedTable(db, db.schema.createTable('customer_identifiers'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_identifiers_pk', ['customer_id', 'identifier', 'role'])
    .execute()
  await db.schema
    .createIndex('customer_identifiers_by_identifier')
    .on('customer_identifiers')
    .column('identifier')
    .execute()

  await db.schema
    .createTable('watchlist')
    .addColumn('entry_key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('watchlist_identifier').on('watchlist').column('identifier').execute()
  await versionTable(db, 'watchlist_versions')

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'import_runs',
    'watchlist_versions',
    'watchlist',
    'customer_identifiers',
    'contact_identifiers',
    'identifiers',
    'contact_versions',
    'contacts',
    'customer_versions',
    'customers',
  ]) {
    await db.schema.dropTable(t).ifExists().execute()
  }
}
