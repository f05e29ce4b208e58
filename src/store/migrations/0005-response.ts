// Response to a suspected agency: call-script versions and the calls run on them with their answers,
// representatives and their materials, verification tasks with the customer, the outbox an SMS or
// push integration consumes, and the log of assessments changed by what the response found.
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Every version of every script is kept: a call pins one and finishes on it.
  await db.schema
    .createTable('call_script_versions')
    .addColumn('script_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_script_versions_pk', ['script_id', 'version'])
    .execute()

  await db.schema
    .createTable('call_runs')
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('script_id', 'text', (c) => c.notNull())
    .addColumn('script_version', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('caller_identifier', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'text')
    .addColumn('outcome', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute()
  await db.schema
    .createIndex('call_runs_agent_status')
    .on('call_runs')
    .columns(['started_by', 'status', 'updated_at'])
    .execute()
  await db.schema
    .createIndex('call_runs_script')
    .on('call_runs')
    .columns(['script_id', 'script_version'])
    .execute()
  await db.schema.createIndex('call_runs_contact').on('call_runs').column('contact_id').execute()

  // An answer corrected by the agent is kept, marked superseded: what was said stays on record.
  await db.schema
    .createTable('call_answers')
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('signal', 'text')
    .addColumn('superseded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_answers_pk', ['call_id', 'seq'])
    .execute()

  await db.schema
    .createTable('representatives')
    .addColumn('representative_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone_identifier', 'text')
    .addColumn('organization', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('authorised_until', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('representatives_customer')
    .on('representatives')
    .columns(['customer_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('representatives_status')
    .on('representatives')
    .columns(['status', 'updated_at'])
    .execute()

  await db.schema
    .createTable('representative_materials')
    .addColumn('representative_id', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('source_contact_id', 'text')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('representative_materials_pk', ['representative_id', 'item', 'sha256'])
    .execute()

  await db.schema
    .createTable('representative_reviews')
    .addColumn('review_id', 'text', (c) => c.primaryKey())
    .addColumn('representative_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('representative_reviews_rep')
    .on('representative_reviews')
    .columns(['representative_id', 'reviewed_at'])
    .execute()

  await db.schema
    .createTable('verification_tasks')
    .addColumn('task_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('call_id', 'text')
    .addColumn('representative_id', 'text')
    .addColumn('representative_key', 'text', (c) => c.notNull())
    .addColumn('representative_label', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assigned_to', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text')
    .execute()
  await db.schema
    .createIndex('verification_tasks_status')
    .on('verification_tasks')
    .columns(['status', 'created_at'])
    .execute()
  await db.schema
    .createIndex('verification_tasks_customer')
    .on('verification_tasks')
    .columns(['customer_id', 'created_at'])
    .execute()

  // Consumed by the SMS / push integration; it writes the delivery status back. `sent` means a
  // gateway accepted the message; only a receipt or a local delivery makes it `delivered`.
  await db.schema
    .createTable('outbox_messages')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('adapter', 'text')
    .addColumn('external_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute()
  await db.schema
    .createIndex('outbox_messages_due')
    .on('outbox_messages')
    .columns(['status', 'next_attempt_at'])
    .execute()
  await db.schema
    .createIndex('outbox_messages_task')
    .on('outbox_messages')
    .column('task_id')
    .execute()

  await db.schema
    .createTable('assessment_changes')
    .addColumn('change_id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('reason_kind', 'text', (c) => c.notNull())
    .addColumn('reason_ref', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('risk_before', 'text')
    .addColumn('risk_after', 'text', (c) => c.notNull())
    .addColumn('score_before', 'real')
    .addColumn('score_after', 'real', (c) => c.notNull())
    .addColumn('signals_added', 'text', (c) => c.notNull())
    .addColumn('signals_removed', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('assessment_changes_contact')
    .on('assessment_changes')
    .columns(['contact_id', 'changed_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'assessment_changes',
    'outbox_messages',
    'verification_tasks',
    'representative_reviews',
    'representative_materials',
    'representatives',
    'call_answers',
    'call_runs',
    'call_script_versions',
  ])
    await db.schema.dropTable(t).ifExists().execute()
}
