// Stored script versions: every version of every script, never changed once written.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store/schema.js'
import type { CallScript } from './script-definition.js'

type Db = Kysely<Database> | Transaction<Database>

export type StoredScriptVersion = {
  script: CallScript
  content_hash: string
  source: string
  created_by: string
  created_at: string
}

export async function allScriptVersions(db: Db): Promise<StoredScriptVersion[]> {
  const rows = await db
    .selectFrom('call_script_versions')
    .selectAll()
    .orderBy('script_id')
    .orderBy('version')
    .execute()
  return rows.map((r) => ({
    script: JSON.parse(r.definition) as CallScript,
    content_hash: r.content_hash,
    source: r.source,
    created_by: r.created_by,
    created_at: r.created_at,
  }))
}

export async function insertScriptVersion(db: Db, v: StoredScriptVersion): Promise<void> {
  await db
    .insertInto('call_script_versions')
    .values({
      script_id: v.script.id,
      version: v.script.version,
      definition: JSON.stringify(v.script),
      content_hash: v.content_hash,
      source: v.source,
      created_by: v.created_by,
      created_at: v.created_at,
    })
    .execute()
}
