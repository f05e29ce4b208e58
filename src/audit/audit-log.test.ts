// The writer's buffering and retries against a stand-in store; the real stores are exercised in
// test/integration/audit.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Context } from '../context.js'
import type { AuditInsert } from './audit-event.js'
import { AuditLog } from './audit-log.js'

function fakeStore() {
  const written: AuditInsert[][] = []
  const warnings: string[] = []
  let failing = false
  const db = {
    insertInto: () => ({
      values: (rows: AuditInsert[]) => ({
        execute: () => {
          if (failing) return Promise.reject(new Error('database is locked'))
          written.push(rows.map((r) => ({ ...r })))
          return Promise.resolve([])
        },
      }),
    }),
  }
  let t = Date.parse('2026-03-05T02:00:00Z')
  const ctx = {
    db,
    store: 'sqlite',
    clock: { now: () => new Date(t) },
    log: { info: () => undefined, warn: (m: string) => warnings.push(m) },
  } as unknown as Context
  return {
    ctx,
    written,
    warnings,
    fail: (f: boolean) => (failing = f),
    advance: (ms: number) => (t += ms),
    actions: () => written.flat().map((r) => r.action),
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('AuditLog', () => {
  it('buffers events and writes them in one insert on flush', async () => {
    const s = fakeStore()
    const log = new AuditLog(s.ctx)
    log.record({ actor: 'wangfang', action: 'screen' })
    s.advance(1000)
    log.record({ actor: 'lina', action: 'contact.read', target_kind: 'contact', target_id: 'K1' })
    expect(s.written).toEqual([])
    expect(log.pending).toBe(2)
    await log.flush()
    expect(s.written).toHaveLength(1)
    expect(s.written[0]?.map((r) => [r.actor, r.at])).toEqual([
      ['wangfang', '2026-03-05T02:00:00.000Z'],
      ['lina', '2026-03-05T02:00:01.000Z'],
    ])
    expect(log.pending).toBe(0)
    await log.close()
  })

  it('writes at once when the buffer is full', async () => {
    const s = fakeStore()
    const log = new AuditLog(s.ctx, { maxBuffered: 3, flushMs: 60_000 })
    for (const action of ['a', 'b', 'c']) log.record({ actor: 'x', action })
    await vi.waitFor(() => expect(s.written.map((rows) => rows.length)).toEqual([3]))
    await log.close()
  })

  it('writes after flushMs without being asked', async () => {
    vi.useFakeTimers()
    const s = fakeStore()
    const log = new AuditLog(s.ctx, { flushMs: 250 })
    log.record({ actor: 'x', action: 'screen' })
    await vi.advanceTimersByTimeAsync(249)
    expect(s.written).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(s.actions()).toEqual(['screen'])
    await log.close()
  })

  it('keeps the events of a failed write, warns, and writes them in order later', async () => {
    const s = fakeStore()
    const log = new AuditLog(s.ctx, { flushMs: 60_000 })
    log.record({ actor: 'x', action: 'first' })
    s.fail(true)
    await log.flush()
    expect(s.written).toEqual([])
    expect(log.pending).toBe(1)
    expect(s.warnings).toHaveLength(1)
    expect(s.warnings[0]).toMatch(/could not write 1 events.*database is locked/)
    log.record({ actor: 'x', action: 'second' })
    s.fail(false)
    await log.flush()
    expect(s.actions()).toEqual(['first', 'second'])
    await log.close()
  })

  it('retries by itself after a failure', async () => {
    vi.useFakeTimers()
    const s = fakeStore()
    const log = new AuditLog(s.ctx, { flushMs: 100 })
    s.fail(true)
    log.record({ actor: 'x', action: 'kept' })
    await vi.advanceTimersByTimeAsync(100)
    expect(s.warnings).toHaveLength(1)
    s.fail(false)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(s.actions()).toEqual(['kept'])
    await log.close()
  })

  it('refuses to close quietly over events it could not write', async () => {
    const s = fakeStore()
    const log = new AuditLog(s.ctx)
    log.record({ actor: 'x', action: 'lost?' })
    s.fail(true)
    await expect(log.close()).rejects.toThrow(/1 events could not be written/)
    s.fail(false)
    await log.flush()
    expect(s.actions()).toEqual(['lost?'])
  })

  it('still writes events recorded after close', async () => {
    const s = fakeStore()
    const log = new AuditLog(s.ctx)
    await log.close()
    log.record({ actor: 'x', action: 'late' })
    await log.flush()
    expect(s.actions()).toEqual(['late'])
  })
})
