// Indicator sharing, continued (issue 9): the sightings this installation reported to a publisher
// and when the publisher accepted them (its own status timestamp), so that its aggregated count is
// known to include this installation's hit only once it does — "seen at N other institutions";
// and each consortium member's evaluation budget per epoch beside its daily quota.
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
  await db.schema
    .alterTable('sharing_peers')
    .addColumn('epoch_quota', 'integer', (c) => c.notNull().defaultTo(3_000_000))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sharing_peers').dropColumn('epoch_quota').execute()
  await db.schema.dropTable('reported_sightings').execute()
}
