// Voiceprints, continued (issue 7): calibrated thresholds stored with the model they hold for
// (the signals read the latest for the configured model), and where the speech behind a caller's
// embedding or a finding was in the recording (seconds), for playback of those segments only.
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('voice_thresholds')
    .addColumn('threshold_id', 'text', (c) => c.primaryKey())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('model_sha256', 'text')
    .addColumn('threshold', 'real', (c) => c.notNull())
    .addColumn('target_fmr', 'real', (c) => c.notNull())
    .addColumn('fmr', 'real', (c) => c.notNull())
    .addColumn('fnmr', 'real', (c) => c.notNull())
    .addColumn('eer', 'real', (c) => c.notNull())
    .addColumn('eer_threshold', 'real', (c) => c.notNull())
    .addColumn('trials_same', 'integer', (c) => c.notNull())
    .addColumn('trials_different', 'integer', (c) => c.notNull())
    .addColumn('trials_source', 'text', (c) => c.notNull())
    .addColumn('calibrated_by', 'text', (c) => c.notNull())
    .addColumn('calibrated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('voice_thresholds_model')
    .on('voice_thresholds')
    .columns(['model', 'calibrated_at'])
    .execute()
  // JSON [{ startSeconds, endSeconds }]: times only, never audio.
  await db.schema.alterTable('call_voices').addColumn('speech_spans', 'text').execute()
  await db.schema.alterTable('voice_findings').addColumn('segments', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('voice_findings').dropColumn('segments').execute()
  await db.schema.alterTable('call_voices').dropColumn('speech_spans').execute()
  await db.schema.dropTable('voice_thresholds').execute()
}
