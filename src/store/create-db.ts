// Opens the one data layer: SQLite (a file, no server) by default, PostgreSQL when DATABASE_URL is set.
// This is the only file that knows which driver is behind Kysely.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely'
import type { DatabaseConnection, Driver, SqliteDialectConfig } from 'kysely'
import pg from 'pg'
import { finishAbandonedBulkLoads } from './bulk-load.js'
import type { SqliteHandle } from './dialect.js'
import type { Database } from './schema.js'

export type StoreKind = 'sqlite' | 'postgres'

export type Store = {
  db: Kysely<Database>
  kind: StoreKind
  location: string
  schema?: string
  /** SQLite's own handle, for the bulk fast paths of store/dialect.ts. */
  sqlite?: SqliteHandle
}

export type StoreConfig =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string }

export const DEFAULT_SQLITE_PATH = './data/grayline.db'

/**
 * Page size of a new SQLite store, in bytes (SQLite's default is 4096). A bulk import writes each
 * page to the WAL and again at the checkpoint, one system call a page, and splits a B-tree page
 * every few rows of ~650 bytes: 16 KB pages make a quarter of those calls and splits.
 */
export const NEW_STORE_PAGE_SIZE = 16_384

/** Which store the environment asks for: DATABASE_URL wins, then GRAYLINE_DB, then the default file. */
export function storeConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  dbPath?: string,
): StoreConfig {
  if (dbPath) return { kind: 'sqlite', path: dbPath }
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL }
  return { kind: 'sqlite', path: env.GRAYLINE_DB ?? DEFAULT_SQLITE_PATH }
}

export function createStore(config: StoreConfig): Store {
  if (config.kind === 'sqlite') return openSqlite(config.path)
  return openPostgres(config.url, config.schema)
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new SQLite(path)
  // Only a store with no pages yet takes a page size; one in WAL mode keeps the size it was made with.
  if (database.pragma('page_count', { simple: true }) === 0)
    database.pragma(`page_size = ${NEW_STORE_PAGE_SIZE}`)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  database.pragma('cache_size = -65536')
  database.pragma('temp_store = MEMORY')
  // An import that died half-way may have left indexes to build and identifiers to merge.
  const finished = finishAbandonedBulkLoads(database)
  if (finished.length)
    process.stderr.write(
      `grayline: finished what an interrupted import left: ${finished.join(', ')}\n`,
    )
  const db = new Kysely<Database>({ dialect: new WriterSqliteDialect({ database }) })
  return { db, kind: 'sqlite', location: path, sqlite: database }
}

/**
 * Kysely opens SQLite transactions with a plain (deferred) BEGIN. In WAL mode such a transaction that
 * reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT — the busy timeout never applies —
 * when another connection (the audit log's writer thread, a CLI beside the server) committed after
 * its first read: a case transition failed that way. BEGIN IMMEDIATE takes the write lock first,
 * waiting for it as long as the busy timeout allows.
 */
class WriterSqliteDialect extends SqliteDialect {
  constructor(private readonly writerConfig: SqliteDialectConfig) {
    super(writerConfig)
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.writerConfig)
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

function openPostgres(url: string, schema?: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 8 })
  // Tests run each suite in its own schema so that parallel suites never see each other's rows.
  if (schema) pool.on('connect', (client) => void client.query(`SET search_path TO "${schema}"`))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, kind: 'postgres', location: redactUrl(url) + (schema ? `#${schema}` : ''), schema }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}
