// Brings a store's schema up to date with the static registry.
import { Migrator } from 'kysely'
import type { Kysely } from 'kysely'
import { migrations } from './migrations/index.js'

export class MigrationError extends Error {
  readonly code = 'migration_failed'
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(
      `migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    )
  }
}

/** `schema` pins Kysely's bookkeeping tables to a PostgreSQL schema (tests run one per suite). */
export async function migrateToLatest<DB>(db: Kysely<DB>, schema?: string): Promise<string[]> {
  const provider = { getMigrations: () => Promise.resolve(migrations) }
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  const failed = results.find((r) => r.status === 'Error')
  if (error || failed) throw new MigrationError(failed?.migrationName ?? 'unknown', error)
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
