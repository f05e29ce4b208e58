// Where SQL must differ between the stores: bulk writes run on SQLite's own handle (statements
// prepared once, run synchronously in a transaction Kysely holds), and through Kysely elsewhere.
import type BetterSqlite3 from 'better-sqlite3'
import type { ControlledTransaction, Kysely, Transaction } from 'kysely'
import type { Database } from './schema.js'

export type SqliteHandle = BetterSqlite3.Database
export type SqliteStatement = BetterSqlite3.Statement<unknown[]>

/** What a bulk write needs: the query layer, and SQLite's own handle when the store is SQLite. */
export type BulkTarget = { db: Kysely<Database>; sqlite?: SqliteHandle }

/** One bulk write, said twice: synchronously on SQLite's handle, and portably in a transaction. */
export type BulkWrite<R> = {
  sqlite(handle: SqliteHandle): R
  portable(trx: Transaction<Database>): Promise<R>
}

/**
 * Records per transaction. A SQLite commit writes out every page it touched, and new
 * identifiers land all over their indexes, so fewer, larger commits write far less.
 */
export function bulkBatchSize(target: BulkTarget): number {
  return target.sqlite ? 20_000 : 2_000
}

/**
 * Bulk writes that share a transaction until `commit()`, on the fastest path the store offers.
 * The transaction holds Kysely's connection, so on SQLite no other query can run inside it
 * while the writes themselves run straight on the handle; each write is synchronous there.
 */
export class BulkSession {
  private trx: ControlledTransaction<Database> | null = null

  constructor(private readonly target: BulkTarget) {}

  async run<R>(write: BulkWrite<R>): Promise<R> {
    const trx = (this.trx ??= await this.target.db.startTransaction().execute())
    return this.target.sqlite ? write.sqlite(this.target.sqlite) : write.portable(trx)
  }

  async commit(): Promise<void> {
    const trx = this.trx
    this.trx = null
    await trx?.commit().execute()
  }

  async rollback(): Promise<void> {
    const trx = this.trx
    this.trx = null
    await trx?.rollback().execute()
  }
}

const prepared = new WeakMap<SqliteHandle, Map<string, SqliteStatement>>()

/** A statement prepared once per handle and reused: preparing costs more than running. */
export function preparedStatement(handle: SqliteHandle, sql: string): SqliteStatement {
  let statements = prepared.get(handle)
  if (!statements) prepared.set(handle, (statements = new Map<string, SqliteStatement>()))
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = handle.prepare<unknown[]>(sql)))
  return statement
}
