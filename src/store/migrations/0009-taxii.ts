// TAXII exchange and matching (issue 9): where each pull from another installation's collection
// stopped, objects peers posted to this server, sightings pulled with indicators, and which STIX
// indicator each confirmation was published as (so that a withdrawal can revoke it).
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The client's bookmark per remote collection: the last X-TAXII-Date-Added-Last it saw.
  await db.schema
    .createTable('taxii_pull_cursors')
    .addColumn('remote', 'text', (c) => c.notNull())
    .addColumn('api_root', 'text', (c) => c.notNull())
    .addColumn('collection_id', 'text', (c) => c.notNull())
    .addColumn('added_after', 'text', (c) => c.notNull())
    .addColumn('pulled_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('taxii_pull_cursors_pk', ['remote', 'api_root', 'collection_id'])
    .execute()

  // What peers POSTed (sightings, notes, groupings): kept apart and aggregated before anything
  // is republished, so that one member's feedback never names it to the others.
  await db.schema
    .createTable('taxii_inbound')
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('api_root', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('taxii_inbound_pk', ['peer_id', 'object_id', 'version'])
    .execute()

  // Aggregated sightings pulled from a publisher: how many institutions reported a hit or a
  // false positive on one of its indicators.
  await db.schema
    .createTable('shared_sightings')
    .addColumn('sighting_id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('shared_sightings_indicator')
    .on('shared_sightings')
    .column('indicator_id')
    .execute()

  await db.schema
    .createTable('published_indicators')
    .addColumn('confirmation_id', 'text', (c) => c.notNull())
    .addColumn('collection_id', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_indicators_pk', ['confirmation_id', 'object_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'published_indicators',
    'shared_sightings',
    'taxii_inbound',
    'taxii_pull_cursors',
  ])
    await db.schema.dropTable(t).ifExists().execute()
}
