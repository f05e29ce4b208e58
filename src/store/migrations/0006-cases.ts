// Cases, their members and timeline, evidence items and the hash-chained chain-of-custody log.
// Frozen in time: never import app code here.
import { SqliteAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter

  await db.schema
    .createTable('cases')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('severity', 'text')
    .addColumn('severity_reasons', 'text', (c) => c.notNull())
    .addColumn('origin_kind', 'text', (c) => c.notNull())
    .addColumn('origin_ref', 'text')
    .addColumn('gang_id', 'text')
    .addColumn('assignee', 'text')
    .addColumn('due_at', 'text')
    .addColumn('joint', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('joint_partners', 'text', (c) => c.notNull())
    .addColumn('amounts', 'text', (c) => c.notNull())
    .addColumn('police_report_ref', 'text')
    .addColumn('police_case_ref', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('cases_state').on('cases').columns(['state', 'updated_at']).execute()
  await db.schema.createIndex('cases_gang').on('cases').column('gang_id').execute()

  // What a case gathers: contacts, customers, identifiers (organisations are identifiers too).
  await db.schema
    .createTable('case_members')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('member_kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'member_kind', 'member_id'])
    .execute()
  await db.schema
    .createIndex('case_members_member')
    .on('case_members')
    .columns(['member_kind', 'member_id'])
    .execute()

  // The timeline: every change to a case, numbered within it.
  await db.schema
    .createTable('case_events')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
    .execute()
  await db.schema
    .createIndex('case_events_kind_time')
    .on('case_events')
    .columns(['kind', 'at'])
    .execute()

  await db.schema
    .createTable('evidence_items')
    .addColumn('evidence_id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evidence_items_case_file', ['case_id', 'sha256'])
    .execute()

  // One chain over every item: each line carries the hash of the line before it.
  await db.schema
    .createTable('custody_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('custody_log_evidence')
    .on('custody_log')
    .columns(['evidence_id', 'seq'])
    .execute()
  // The chain's head (one row): appends lock it, and a cut-off tail no longer matches it.
  await db.schema
    .createTable('custody_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db
    .insertInto('custody_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute()

  // Append-only in the database too; `grayline evidence verify` catches whoever gets past it.
  if (sqlite) {
    for (const op of ['UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER custody_log_no_${op.toLowerCase()} BEFORE ${op} ON custody_log ` +
            `BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END`,
        )
        .execute(db)
  } else {
    await sql
      .raw(
        `CREATE FUNCTION custody_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
          `BEGIN RAISE EXCEPTION 'custody_log is append-only'; END $$`,
      )
      .execute(db)
    await sql
      .raw(
        `CREATE TRIGGER custody_log_append_only BEFORE UPDATE OR DELETE ON custody_log ` +
          `FOR EACH ROW EXECUTE FUNCTION custody_log_append_only()`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'custody_head',
    'custody_log',
    'evidence_items',
    'case_events',
    'case_members',
    'cases',
  ])
    await db.schema.dropTable(t).ifExists().execute()
  await sql`drop function if exists custody_log_append_only()`.execute(db).catch(() => undefined)
}
