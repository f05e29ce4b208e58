// Opens the store the environment (or --db) names, brings it up to date, and hands a Context.
import type { Context } from '../context.js'
import { contextFor, stderrLog } from '../context.js'
import { createStore, migrateToLatest, storeConfigFromEnv } from '../store/index.js'

export type OpenedContext = { ctx: Context; location: string; close(): Promise<void> }

export async function openContext(dbPath?: string): Promise<OpenedContext> {
  const store = createStore(storeConfigFromEnv(process.env, dbPath))
  try {
    await migrateToLatest(store.db)
  } catch (e) {
    await store.db.destroy()
    const hint =
      store.kind === 'postgres'
        ? 'check DATABASE_URL and that PostgreSQL is running'
        : `check that ${store.location} is a Grayline database you can write`
    throw new Error(
      `cannot open the store at ${store.location}: ${e instanceof Error ? e.message : String(e)} — ${hint}`,
    )
  }
  return {
    ctx: contextFor(store, { log: stderrLog }),
    location: store.location,
    close: () => store.db.destroy(),
  }
}

export async function withContext<T>(
  dbPath: string | undefined,
  fn: (ctx: Context) => Promise<T>,
): Promise<T> {
  const opened = await openContext(dbPath)
  try {
    return await fn(opened.ctx)
  } finally {
    await opened.close()
  }
}
