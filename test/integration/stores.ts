// The dialect loop: every integration test runs once per store. SQLite always; PostgreSQL when one
// answers at GRAYLINE_TEST_PG (default: the local trust-auth server, database `test`), each suite in
// a schema of its own. Without a PostgreSQL the suite is reported as skipped, not failed.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, beforeEach } from 'vitest'
import type { Context } from '../../src/context.js'
import { contextFor } from '../../src/context.js'
import type { Store, StoreKind } from '../../src/store/index.js'
import { createStore, migrateToLatest } from '../../src/store/index.js'

export const PG_URL =
  process.env.GRAYLINE_TEST_PG ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test'

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

const wanted = (process.env.GRAYLINE_TEST_STORES ?? 'sqlite,postgres').split(',')
const pgAvailable = wanted.includes('postgres') ? await postgresAnswers() : false

if (wanted.includes('postgres') && !pgAvailable) {
  console.warn(`PostgreSQL not reachable at ${PG_URL}: PostgreSQL integration tests are skipped`)
}

export type TestStore = { kind: StoreKind; available: boolean; open: () => Promise<OpenTestStore> }
export type OpenTestStore = { store: Store; ctx: Context; dir: string; close: () => Promise<void> }

export const testStores: TestStore[] = [
  { kind: 'sqlite', available: wanted.includes('sqlite'), open: openSqlite },
  { kind: 'postgres', available: pgAvailable, open: openPostgres },
]

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'grayline-test-'))
}

async function openSqlite(): Promise<OpenTestStore> {
  const dir = tempDir()
  const store = createStore({ kind: 'sqlite', path: join(dir, 'test.db') })
  await migrateToLatest(store.db)
  return { store, ctx: contextFor(store), dir, close: () => store.db.destroy() }
}

async function openPostgres(): Promise<OpenTestStore> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA "${schema}"`)
  await admin.end()
  const store = createStore({ kind: 'postgres', url: PG_URL, schema })
  await migrateToLatest(store.db, schema)
  const close = async () => {
    await store.db.destroy()
    const c = new pg.Client({ connectionString: PG_URL })
    await c.connect()
    await c.query(`DROP SCHEMA "${schema}" CASCADE`)
    await c.end()
  }
  return { store, ctx: contextFor(store), dir: tempDir(), close }
}

/**
 * A fresh store for each test of a suite, closed after it: `const t = useStore(store)` inside
 * `describe.each(testStores)`, then `t.ctx`, `t.dir` in the tests.
 */
export function useStore(s: TestStore): OpenTestStore {
  let open: OpenTestStore | undefined
  beforeEach(async () => {
    if (s.available) open = await s.open()
  })
  afterEach(async () => {
    if (open) await open.close()
    open = undefined
  })
  const current = () => {
    if (!open) throw new Error(`the ${s.kind} test store is not open (outside a test?)`)
    return open
  }
  return {
    get store() {
      return current().store
    },
    get ctx() {
      return current().ctx
    },
    get dir() {
      return current().dir
    },
    close: () => current().close(),
  }
}
