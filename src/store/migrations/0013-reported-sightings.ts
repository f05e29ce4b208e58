// Indicator sharing, continued (issue 9): the sightings this installation reported to a publisher
// and when the publisher accepted them (its own status timestamp), so that its aggregated count is
// known to include this installation's hit only once it does — "seen at N other institutions".
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reported_sightings')
    .addColumn('remote', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reported_sightings_pk', ['remote', 'indicator_id', 'outcome'])
    .execute()
  await db.schema
    .createIndex('reported_sightings_indicator')
    .on('reported_sightings')
    .column('indicator_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reported_sightings').execute()
}
