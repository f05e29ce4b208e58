// Indicator sharing (issue 9): peers and their quotas, confirmations of what may be shared, the
// allowlist, TAXII collections and status resources, tokens of this installation's identifiers
// per epoch, and indicators pulled from other institutions.
// Frozen in time: never import app code here.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Other institutions: consortium members (evaluation) and TAXII peers. Only a hash of the token.
  await db.schema
    .createTable('sharing_peers')
    .addColumn('peer_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('daily_quota', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()

  await db.schema
    .createTable('consortium_usage')
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('evaluated', 'integer', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('consortium_usage_pk', ['peer_id', 'day'])
    .execute()

  await db.schema
    .createTable('indicator_confirmations')
    .addColumn('confirmation_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('standard_of_proof', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('case_ref', 'text')
    .addColumn('distribution', 'text', (c) => c.notNull())
    .addColumn('sharing_group', 'text')
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute()
  await db.schema
    .createIndex('indicator_confirmations_identifier')
    .on('indicator_confirmations')
    .column('identifier')
    .execute()

  await db.schema
    .createTable('sharing_allowlist')
    .addColumn('identifier', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('taxii_objects')
    .addColumn('collection_id', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('taxii_objects_pk', ['collection_id', 'object_id', 'version'])
    .execute()
  await db.schema
    .createIndex('taxii_objects_added')
    .on('taxii_objects')
    .columns(['collection_id', 'date_added', 'object_id'])
    .execute()

  await db.schema
    .createTable('taxii_status')
    .addColumn('status_id', 'text', (c) => c.primaryKey())
    .addColumn('api_root', 'text', (c) => c.notNull())
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('request_timestamp', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('identifier_tokens')
    .addColumn('epoch', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('identifier_tokens_pk', ['epoch', 'identifier'])
    .execute()
  await db.schema
    .createIndex('identifier_tokens_token')
    .on('identifier_tokens')
    .column('token')
    .execute()

  await db.schema
    .createTable('shared_indicators')
    .addColumn('stix_id', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('epoch', 'text')
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) => c.notNull())
    .addColumn('pulled_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('shared_indicators_value')
    .on('shared_indicators')
    .column('value')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'shared_indicators',
    'identifier_tokens',
    'taxii_status',
    'taxii_objects',
    'sharing_allowlist',
    'indicator_confirmations',
    'consortium_usage',
    'sharing_peers',
  ])
    await db.schema.dropTable(t).ifExists().execute()
}
