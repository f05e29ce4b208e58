// A large import's unfinished business (store/bulk-load.ts): what it must finish at its end —
// indexes to build, staged identifiers to merge — noted so that an import that dies half-way is
// finished by the next opening of the store; and the staging table of new identifiers.
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bulk_load_pending')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('sql', 'text', (c) => c.notNull())
    .addColumn('owner_pid', 'integer', (c) => c.notNull())
    .addColumn('noted_at', 'text', (c) => c.notNull())
    .execute()
  // Appended to in arrival order (no key to keep sorted), merged into identifiers in key order.
  await db.schema
    .createTable('identifiers_staged')
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('identifiers_staged').ifExists().execute()
  await db.schema.dropTable('bulk_load_pending').ifExists().execute()
}
