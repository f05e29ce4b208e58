// The one Context every service takes first: the store, a clock and a logger — passed in, never global.
import type { Kysely } from 'kysely'
import type { Database } from './store/schema.js'
import type { Store, StoreKind } from './store/create-db.js'
import type { SqliteHandle } from './store/dialect.js'

export type Clock = { now(): Date }
export type Log = { info(msg: string): void; warn(msg: string): void }

export type Context = {
  db: Kysely<Database>
  store: StoreKind
  clock: Clock
  log: Log
  /** SQLite's own handle when the store is SQLite: only store/dialect.ts fast paths use it. */
  sqlite?: SqliteHandle
}

export const systemClock: Clock = { now: () => new Date() }

export const stderrLog: Log = {
  info: (msg) => process.stderr.write(`${msg}\n`),
  warn: (msg) => process.stderr.write(`warning: ${msg}\n`),
}

export const silentLog: Log = { info: () => undefined, warn: () => undefined }

export function contextFor(
  store: Store,
  overrides: Partial<Omit<Context, 'db' | 'store' | 'sqlite'>> = {},
): Context {
  const base = { db: store.db, store: store.kind, sqlite: store.sqlite }
  return { ...base, clock: systemClock, log: silentLog, ...overrides }
}
