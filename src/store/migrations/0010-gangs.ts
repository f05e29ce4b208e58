// The investigator's gangs (issue 9): communities of the identifier graph with ids kept across
// recomputations, their members (customers and identifiers), the trusted edges around them with
// the contacts that are their evidence, and one row per recomputation.
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gangs')
    .addColumn('gang_id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('customers', 'integer', (c) => c.notNull())
    .addColumn('contacts', 'integer', (c) => c.notNull())
    .addColumn('nodes', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('growth', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('gangs_status_size')
    .on('gangs')
    .columns(['status', 'customers'])
    .execute()

  await db.schema
    .createTable('gang_members')
    .addColumn('gang_id', 'text', (c) => c.notNull())
    .addColumn('node', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('gang_members_pk', ['gang_id', 'node'])
    .execute()
  await db.schema.createIndex('gang_members_node').on('gang_members').column('node').execute()

  await db.schema
    .createTable('gang_edges')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('strong', 'integer', (c) => c.notNull())
    .addColumn('source_gang', 'text')
    .addColumn('target_gang', 'text')
    .addColumn('contact_count', 'integer', (c) => c.notNull())
    .addColumn('contacts', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('gang_edges_source').on('gang_edges').column('source').execute()
  await db.schema.createIndex('gang_edges_target').on('gang_edges').column('target').execute()
  await db.schema.createIndex('gang_edges_sgang').on('gang_edges').column('source_gang').execute()
  await db.schema.createIndex('gang_edges_tgang').on('gang_edges').column('target_gang').execute()

  await db.schema
    .createTable('gang_runs')
    .addColumn('run_id', 'text', (c) => c.primaryKey())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('nodes', 'integer', (c) => c.notNull())
    .addColumn('edges', 'integer', (c) => c.notNull())
    .addColumn('gangs', 'integer', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('merged', 'integer', (c) => c.notNull())
    .addColumn('dissolved', 'integer', (c) => c.notNull())
    .addColumn('ms', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['gang_runs', 'gang_edges', 'gang_members', 'gangs'])
    await db.schema.dropTable(t).execute()
}
