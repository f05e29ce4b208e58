// What detection concludes about each contact; recomputed in place, one row a contact.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessments')
    .addColumn('contact_id', 'text', (c) => c.primaryKey())
    .addColumn('risk', 'text', (c) => c.notNull())
    .addColumn('severity', 'text')
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('gang_id', 'text')
    .addColumn('recommended_action', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('assessments_risk')
    .on('assessments')
    .columns(['risk', 'contact_id'])
    .execute()
  await db.schema.createIndex('assessments_gang').on('assessments').column('gang_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessments').ifExists().execute()
}
