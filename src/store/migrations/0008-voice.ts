// Voiceprints (issue 7): consent records, customers' enrolments, known agent voices, and the
// callers' embeddings of calls kept for a retention period. Embeddings only, never audio.
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('voice_consents')
    .addColumn('consent_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute()
  await db.schema
    .createIndex('voice_consents_customer')
    .on('voice_consents')
    .column('customer_id')
    .execute()

  await db.schema
    .createTable('voice_enrolments')
    .addColumn('enrolment_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('consent_id', 'text', (c) => c.notNull().references('voice_consents.consent_id'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('embedding', 'text', (c) => c.notNull())
    .addColumn('speech_ms', 'integer', (c) => c.notNull())
    .addColumn('enrolled_by', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('voice_enrolments_customer')
    .on('voice_enrolments')
    .column('customer_id')
    .execute()

  await db.schema
    .createTable('voice_agents')
    .addColumn('agent_voice_id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('embedding', 'text', (c) => c.notNull())
    .addColumn('speech_ms', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('source_contact_id', 'text')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('call_voices')
    .addColumn('call_voice_id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('claimed_customer_id', 'text')
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('embedding', 'text', (c) => c.notNull())
    .addColumn('speech_ms', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('call_voices_expiry').on('call_voices').column('expires_at').execute()
  await db.schema
    .createIndex('call_voices_contact')
    .on('call_voices')
    .column('contact_id')
    .execute()

  // What a caller's voice showed, for detection: scores and the library entries behind them.
  await db.schema
    .createTable('voice_findings')
    .addColumn('finding_id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('threshold', 'real', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('matched', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('voice_findings_contact')
    .on('voice_findings')
    .column('contact_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'voice_findings',
    'call_voices',
    'voice_agents',
    'voice_enrolments',
    'voice_consents',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
