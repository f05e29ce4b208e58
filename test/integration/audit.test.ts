import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { AuditLog, AuditQueryError, searchAudit } from '../../src/audit/index.js'
import type { AuditEvent } from '../../src/audit/index.js'
import type { Context } from '../../src/context.js'
import { contextFor } from '../../src/context.js'
import { createStore, migrateToLatest } from '../../src/store/index.js'
import type { OpenTestStore } from './stores.js'
import { tempDir, testStores, useStore } from './stores.js'

function withClock(t: OpenTestStore) {
  let now = Date.parse('2026-03-05T01:00:00.000Z')
  const clock = { now: () => new Date(now) }
  const ctx: Context = { ...t.ctx, clock }
  return { ctx, advance: (ms: number) => (now += ms) }
}

/** A morning at the lender: screening, reading and unmasking contacts, a review, an audit search. */
const morning: AuditEvent[] = [
  {
    actor: 'wangfang',
    actor_role: 'agent',
    action: 'screen',
    detail: { risk: 'high' },
    ip: '10.0.0.5',
  },
  {
    actor: 'lina',
    actor_role: 'handler',
    action: 'contact.read',
    target_kind: 'contact',
    target_id: 'K1',
  },
  {
    actor: 'lina',
    actor_role: 'handler',
    action: 'contact.unmask',
    target_kind: 'contact',
    target_id: 'K1',
    detail: { reason: '核实委托关系' },
  },
  { actor: 'lina', actor_role: 'handler', action: 'contacts.review', detail: { contacts: 3 } },
  { actor: 'zhangwei', actor_role: 'investigator', action: 'contact.read', target_id: 'K2' },
  { actor: 'mallory', action: 'auth.login', outcome: 'denied', detail: { reason: 'invalid' } },
  { actor: 'chenjing', actor_role: 'auditor', action: 'audit.search', detail: { actor: 'lina' } },
]

async function recordMorning(ctx: Context, advance: (ms: number) => void): Promise<void> {
  const log = new AuditLog(ctx, { flushMs: 60_000 })
  for (const e of morning) {
    log.record(e)
    advance(60_000)
  }
  await log.close()
}

describe.each(testStores)('audit log on $kind', (store) => {
  const { available } = store
  const t = useStore(store)

  it.skipIf(!available)('writes what was recorded and reads it back newest first', async () => {
    const { ctx, advance } = withClock(t)
    await recordMorning(ctx, advance)
    const page = await searchAudit(ctx)
    expect(page.next_cursor).toBeNull()
    expect(page.items.map((r) => r.action)).toEqual(morning.map((e) => e.action).reverse())
    expect(page.items.at(-1)).toEqual({
      seq: expect.any(Number),
      at: '2026-03-05T01:00:00.000Z',
      actor: 'wangfang',
      actor_role: 'agent',
      action: 'screen',
      target_kind: null,
      target_id: null,
      detail: { risk: 'high' },
      ip: '10.0.0.5',
      outcome: 'ok',
    })
    expect(page.items.find((r) => r.actor === 'mallory')).toMatchObject({
      actor_role: null,
      outcome: 'denied',
      detail: { reason: 'invalid' },
    })
    const seqs = page.items.map((r) => r.seq)
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs)
  })

  it.skipIf(!available)('filters by actor, action prefix, target and time', async () => {
    const { ctx, advance } = withClock(t)
    await recordMorning(ctx, advance)
    const actions = async (q: Parameters<typeof searchAudit>[1]) =>
      (await searchAudit(ctx, q)).items.map((r) => `${r.actor}:${r.action}`)
    expect(await actions({ actor: 'lina' })).toEqual([
      'lina:contacts.review',
      'lina:contact.unmask',
      'lina:contact.read',
    ])
    expect(await actions({ action: 'contact.' })).toEqual([
      'zhangwei:contact.read',
      'lina:contact.unmask',
      'lina:contact.read',
    ])
    expect(await actions({ action: 'contact.read' })).toHaveLength(2)
    // A prefix, not a pattern: wildcards mean themselves and case counts.
    expect(await actions({ action: 'contact%' })).toEqual([])
    expect(await actions({ action: 'contact_' })).toEqual([])
    expect(await actions({ action: 'Contact.' })).toEqual([])
    expect(await actions({ target: 'K1' })).toEqual(['lina:contact.unmask', 'lina:contact.read'])
    expect(
      await actions({ from: '2026-03-05T09:02:00+08:00', to: '2026-03-05T01:04:00.000Z' }),
    ).toEqual(['lina:contacts.review', 'lina:contact.unmask'])
    expect(await actions({ actor: 'lina', action: 'contact.', target: 'K1' })).toHaveLength(2)
  })

  it.skipIf(!available)('pages newest first by cursor', async () => {
    const { ctx, advance } = withClock(t)
    await recordMorning(ctx, advance)
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await searchAudit(ctx, { limit: 3, cursor })
      seen.push(...page.items.map((r) => r.action))
      cursor = page.next_cursor ?? undefined
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(morning.map((e) => e.action).reverse())
    expect((await searchAudit(ctx, { limit: 0 })).items).toHaveLength(1)
    await expect(searchAudit(ctx, { cursor: 'abc' })).rejects.toBeInstanceOf(AuditQueryError)
    await expect(searchAudit(ctx, { from: 'yesterday' })).rejects.toThrow(/from: not a time/)
  })

  it.skipIf(!available)(
    'caps a page at 500 and writes large batches whole and in order',
    async () => {
      const { ctx } = withClock(t)
      const log = new AuditLog(ctx, { maxBuffered: 10_000, flushMs: 60_000 })
      for (let i = 0; i < 2_500; i++)
        log.record({ actor: 'cti', action: 'screen', target_id: `S${i}` })
      expect(log.pending).toBe(2_500)
      await log.flush()
      expect(log.pending).toBe(0)
      const page = await searchAudit(ctx, { limit: 10_000 })
      expect(page.items).toHaveLength(500)
      expect(page.items[0]?.target_id).toBe('S2499')
      expect(page.items[499]?.target_id).toBe('S2000')
      await log.close()
    },
  )

  it.skipIf(!available)('masks a phone or ID number that slipped into detail', async () => {
    const { ctx } = withClock(t)
    const log = new AuditLog(ctx)
    log.record({
      actor: 'lina',
      action: 'watchlist.update',
      detail: { value: '13800138000', note: '身份证 11010119900307123X 的代理人' },
    })
    await log.close()
    const stored = await ctx.db.selectFrom('audit_log').select('detail').executeTakeFirstOrThrow()
    expect(stored.detail).not.toContain('13800138000')
    expect(stored.detail).not.toContain('11010119900307123X')
    expect((await searchAudit(ctx)).items[0]?.detail).toEqual({
      value: '138****8000',
      note: '身份证 110101********123X 的代理人',
    })
  })

  it.skipIf(!available)('is append-only: the database refuses UPDATE and DELETE', async () => {
    const { ctx, advance } = withClock(t)
    await recordMorning(ctx, advance)
    await expect(
      ctx.db
        .updateTable('audit_log')
        .set({ actor: 'nobody' })
        .where('actor', '=', 'mallory')
        .execute(),
    ).rejects.toThrow(/append-only/)
    await expect(ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_log where actor = 'lina'`.execute(ctx.db)).rejects.toThrow(
      /append-only/,
    )
    const rows = await ctx.db.selectFrom('audit_log').select('actor').execute()
    expect(rows).toHaveLength(morning.length)
    expect(rows.map((r) => r.actor)).toContain('mallory')
  })
})

describe('audit log on a SQLite file (written by a thread of its own)', () => {
  it('has every event in the order recorded once flushed, and after close', async () => {
    const store = createStore({ kind: 'sqlite', path: join(tempDir(), 'audit.db') })
    await migrateToLatest(store.db)
    const ctx = contextFor(store)
    const log = new AuditLog(ctx, { maxBuffered: 300 })
    for (let i = 0; i < 1_000; i++) {
      log.record({ actor: 'cti', action: 'screen', target_id: `S${i}` })
      if (i === 499) await log.flush()
    }
    await log.flush()
    const ids = async () =>
      (await ctx.db.selectFrom('audit_log').select('target_id').orderBy('seq').execute()).map(
        (r) => r.target_id,
      )
    expect(await ids()).toEqual(Array.from({ length: 1_000 }, (_, i) => `S${i}`))
    await log.close()
    // Late events (a request finishing during shutdown) are written at once, not lost.
    log.record({ actor: 'cti', action: 'screen', target_id: 'late' })
    await log.flush()
    expect((await ids()).at(-1)).toBe('late')
    await log.close()
    await store.db.destroy()
  })

  it('keeps events the store refused and writes them once it accepts them', async () => {
    const store = createStore({ kind: 'sqlite', path: join(tempDir(), 'audit.db') })
    const warnings: string[] = []
    const log = new AuditLog(
      contextFor(store, { log: { info: () => undefined, warn: (m) => warnings.push(m) } }),
      { flushMs: 60_000 },
    )
    log.record({ actor: 'lina', action: 'contact.read', target_id: 'K1' })
    await log.flush()
    expect(log.pending).toBe(1)
    expect(warnings.join()).toMatch(/no such table: audit_log/)
    await migrateToLatest(store.db)
    await log.close()
    expect(log.pending).toBe(0)
    const rows = await store.db.selectFrom('audit_log').select(['actor', 'target_id']).execute()
    expect(rows).toEqual([{ actor: 'lina', target_id: 'K1' }])
    await store.db.destroy()
  })
})
