// A large import into an emptier SQLite store builds its scattered indexes and merges its new
// identifiers at the end; the store ends up as a row-by-row import leaves it; an import that died
// half-way is finished on the next opening of the store.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { benchContact, benchCustomer, rng, writeJsonl } from '../../bench/bench-data.js'
import { contextFor } from '../../src/context.js'
import { importFile } from '../../src/intake/index.js'
import { WORKER_MIN_BYTES } from '../../src/intake/prepared-lines.js'
import { customersSpokenFor } from '../../src/links/index.js'
import type { Store } from '../../src/store/index.js'
import { beginBulkLoad, createStore, migrateToLatest } from '../../src/store/index.js'
import { tempDir } from './stores.js'

const SCATTERED = ['contacts_customer_time', 'contact_identifiers_fan_out']

function indexNames(store: Store): string[] {
  const rows = store
    .sqlite!.prepare(
      "select name from sqlite_master where type = 'index' and name not like 'sqlite_%'",
    )
    .all() as { name: string }[]
  return rows.map((r) => r.name).sort()
}

function notes(store: Store): { name: string; owner_pid: number }[] {
  return store.sqlite!.prepare('select name, owner_pid from bulk_load_pending').all() as {
    name: string
    owner_pid: number
  }[]
}

/** Every 97th contact claims an unreachable number and an ID number with a wrong check digit. */
function withInvalidClaims(i: number, contact: Record<string, unknown>): Record<string, unknown> {
  if (i % 97 !== 0) return contact
  const claimed = {
    ...(contact.claimed as object),
    phone: `12-${i}`,
    id_number: '110101199003070000',
  }
  return { ...contact, claimed }
}

async function openStore(path: string): Promise<Store> {
  const store = createStore({ kind: 'sqlite', path })
  await migrateToLatest(store.db)
  return store
}

describe('bulk load (SQLite)', () => {
  it('a file larger than the store builds its scattered indexes and merges its identifiers at the end, ending where a row-by-row import ends', async () => {
    const dir = tempDir()
    const file = join(dir, 'contacts.jsonl')
    // Enough lines to pass the size at which a file counts as large.
    const n = Math.ceil(WORKER_MIN_BYTES / 380)
    const r = rng(7)
    const agents = Array.from({ length: 50 }, r.mobile)
    // Some contacts claim a number or ID number that is not valid: those identifiers are staged
    // during the load (the others are read back from the links) and must end up flagged invalid.
    await writeJsonl(file, n, (i) => withInvalidClaims(i, benchContact(i, { n, r, agents })))

    const store = await openStore(join(dir, 'big.db'))
    const before = indexNames(store)
    expect(before).toEqual(expect.arrayContaining(SCATTERED))
    const settings = () =>
      ['cache_size', 'threads', 'temp_store'].map((p) => store.sqlite!.pragma(p, { simple: true }))
    const settingsBefore = settings()
    const duringImport = new Set<boolean>()
    const finishing: string[] = []
    const summary = await importFile(contextFor(store), 'contacts', file, {
      onProgress: (p) => void (p.finishing && finishing.push(p.finishing)),
      onBatch: () =>
        void duringImport.add(indexNames(store).includes('contact_identifiers_fan_out')),
    })
    expect(summary.inserted).toBe(n)
    expect([...duringImport]).toEqual([false])
    // What the bulk load builds after the last line is reported, step by step.
    expect(finishing).toEqual([
      'contacts_customer_time (1/3)',
      'contact_identifiers_fan_out (2/3)',
      'identifiers_staged (3/3)',
    ])
    expect(indexNames(store)).toEqual(before)
    expect(notes(store)).toEqual([])
    // The sorts at the end run with their own page cache, threads and temporary store: the
    // store's own settings are back afterwards.
    expect(settings()).toEqual(settingsBefore)

    // The same file into a store that keeps its indexes throughout, its lines prepared on this
    // thread rather than the worker's: the fan-out answers agree.
    const small = await openStore(join(dir, 'reference.db'))
    const ctx = contextFor(small)
    const keptThroughout = new Set<boolean>()
    await importFile(ctx, 'contacts', file, {
      bulkLoad: false,
      prepareOnWorker: false,
      onBatch: () =>
        void keptThroughout.add(indexNames(small).includes('contact_identifiers_fan_out')),
    })
    expect([...keptThroughout]).toEqual([true])
    const agentPhone = await store.db
      .selectFrom('contact_identifiers')
      .select('identifier')
      .where('role', '=', 'caller')
      .groupBy('identifier')
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    const window = { from: '2025-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }
    const big = await customersSpokenFor(store.db, agentPhone.identifier, window)
    const reference = await customersSpokenFor(ctx.db, agentPhone.identifier, window)
    expect(big.length).toBeGreaterThan(1)
    expect(big).toEqual(reference)
    const identifiers = (s: Store) =>
      s.sqlite!.prepare('select identifier, kind, value, valid from identifiers order by 1').all()
    const staged = (s: Store) =>
      s.sqlite!.prepare('select count(*) n from identifiers_staged').get()
    expect(identifiers(store).length).toBeGreaterThan(n)
    expect(identifiers(store)).toEqual(identifiers(small))
    const invalid = (s: Store) =>
      s
        .sqlite!.prepare('select kind, count(*) n from identifiers where valid = 0 group by kind')
        .all()
    expect(invalid(store)).toEqual([
      { kind: 'id_number', n: expect.any(Number) as number },
      { kind: 'phone', n: expect.any(Number) as number },
    ])
    expect(invalid(store)).toEqual(invalid(small))
    // Every stored row but the import time is the same.
    const rows = (s: Store, sql: string) => s.sqlite!.prepare(sql).all()
    for (const sql of [
      'select contact_id, channel, source, received_at, customer_id, caller_role, record, record_hash, version from contacts order by 1',
      'select * from contact_identifiers order by contact_id, identifier, role',
    ]) {
      expect(rows(store, sql)).toEqual(rows(small, sql))
    }
    expect(staged(store)).toEqual({ n: 0 })
    // Lines written as the record is stored (all but those withInvalidClaims reorders) were bound
    // as their bytes: stored as text, the line itself. Every record is stored as text.
    const lines = readFileSync(file, 'utf8').split('\n')
    const record = store.sqlite!.prepare(
      'select typeof(record) type, record from contacts where contact_id = ?',
    )
    for (const i of [1, 2, n - 1])
      expect(record.get(`K${i}`)).toEqual({ type: 'text', record: lines[i] })
    const notText = "select count(*) n from contacts where typeof(record) <> 'text'"
    expect(rows(store, notText)).toEqual([{ n: 0 }])
    await store.db.destroy()
    await small.db.destroy()
  }, 120_000)

  it('a large customers file ends with the identifiers a row-by-row import stores, invalid ones flagged', async () => {
    const dir = tempDir()
    const file = join(dir, 'customers.jsonl')
    const n = Math.ceil(WORKER_MIN_BYTES / 150)
    await writeJsonl(file, n, (k) => ({
      ...benchCustomer(k),
      ...(k % 89 === 0 ? { id_number: '110101199003070000', phones_other: [`12-${k}`] } : {}),
    }))
    const [big, reference] = [
      await openStore(join(dir, 'big.db')),
      await openStore(join(dir, 'reference.db')),
    ]
    const finishing: string[] = []
    await importFile(contextFor(big), 'customers', file, {
      onProgress: (p) => void (p.finishing && finishing.push(p.finishing)),
    })
    await importFile(contextFor(reference), 'customers', file, { bulkLoad: false })
    expect(finishing).toEqual([
      'customer_identifiers_by_identifier (1/2)',
      'identifiers_staged (2/2)',
    ])
    const identifiers = (s: Store) =>
      s.sqlite!.prepare('select identifier, kind, value, valid from identifiers order by 1').all()
    expect(identifiers(big).length).toBeGreaterThan(n)
    expect(identifiers(big)).toEqual(identifiers(reference))
    const invalid = identifiers(big).filter((i) => (i as { valid: number }).valid === 0)
    expect(invalid.length).toBeGreaterThan(n / 89)
    await big.db.destroy()
    await reference.db.destroy()
  }, 120_000)

  it('an import that died half-way has its indexes rebuilt when the store is next opened', async () => {
    const path = join(tempDir(), 'crashed.db')
    const store = await openStore(path)
    const bulk = beginBulkLoad(store.sqlite!, { indexes: SCATTERED, stageIdentifiers: true })
    expect(bulk.deferredIndexes).toEqual(SCATTERED)
    expect(indexNames(store)).not.toContain('contact_identifiers_fan_out')
    store
      .sqlite!.prepare('insert into identifiers_staged values (?, ?, ?, ?, ?)')
      .run('phone:+8613800138000', 'phone', '+8613800138000', 1, '2026-11-01T00:00:00.000Z')
    // The importer is gone: a pid no process has.
    store.sqlite!.prepare('update bulk_load_pending set owner_pid = ?').run(2 ** 22 + 7)
    await store.db.destroy()

    const reopened = await openStore(path)
    expect(indexNames(reopened)).toEqual(expect.arrayContaining(SCATTERED))
    expect(notes(reopened)).toEqual([])
    expect(reopened.sqlite!.prepare('select identifier from identifiers').all()).toEqual([
      { identifier: 'phone:+8613800138000' },
    ])
    await reopened.db.destroy()
  })

  it('an import still running in another process keeps its indexes deferred', async () => {
    const path = join(tempDir(), 'busy.db')
    const store = await openStore(path)
    beginBulkLoad(store.sqlite!, {
      indexes: ['contact_identifiers_fan_out'],
      stageIdentifiers: false,
    })
    const importer = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    store.sqlite!.prepare('update bulk_load_pending set owner_pid = ?').run(importer.pid)
    await store.db.destroy()

    const other = await openStore(path)
    expect(indexNames(other)).not.toContain('contact_identifiers_fan_out')
    expect(notes(other).map((n) => n.name)).toEqual(['contact_identifiers_fan_out'])
    await other.db.destroy()
    importer.kill()
    await new Promise((resolve) => importer.once('exit', resolve))

    const afterwards = await openStore(path)
    expect(indexNames(afterwards)).toContain('contact_identifiers_fan_out')
    await afterwards.db.destroy()
  })
})
