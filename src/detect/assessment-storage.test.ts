import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Context } from '../context.js'
import { contextFor } from '../context.js'
import type { Store } from '../store/index.js'
import { createStore, migrateToLatest } from '../store/index.js'
import { toInterchange } from './assess.service.js'
import { onAssessmentsSaved } from './assessment.repository.js'
import { startAssessmentStorage } from './assessment-storage.js'
import type { ScoredAssessment } from './detector.js'

const now = '2026-06-01T00:00:00.000Z'

function assessed(n: number): ScoredAssessment {
  const flagged = n % 3 === 0
  return {
    contact_id: `K${String(n).padStart(4, '0')}`,
    risk: flagged ? 'high' : 'none',
    severity: flagged ? 'level2' : null,
    categories: flagged ? ['proxy_in_consumer_name'] : [],
    signals: flagged
      ? [
          {
            code: 'fan_out',
            weight: 0.7,
            explanation: { 'zh-CN': '同一电话代表"多名"客户', en: 'one phone, "many" customers' },
            evidence: [{ kind: 'identifier', id: `phone:+86138${n}`, note: '多名' }],
          },
        ]
      : [],
    gang_id: flagged ? `G-${n % 2}` : null,
    recommended_action: flagged ? 'verify-with-customer' : 'handle-normally',
    rules_version: 'test-1',
    score: flagged ? 0.875 : 0,
  }
}

const batches = [Array.from({ length: 7 }, (_, i) => assessed(i)), [assessed(7), assessed(8)]]

describe('assessment storage', () => {
  let dir: string
  let store: Store
  let ctx: Context

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grayline-storage-'))
    store = createStore({ kind: 'sqlite', path: join(dir, 'store.db') })
    ctx = contextFor(store)
    await migrateToLatest(store.db)
  })
  afterEach(async () => {
    await store.db.destroy()
    rmSync(dir, { recursive: true, force: true })
  })

  const storedRows = () =>
    store.sqlite?.prepare('select * from assessments order by contact_id').all() ?? []

  for (const onWorker of [false, true])
    it(`stores every row and writes the spec's lines ${onWorker ? 'on a worker' : 'in place'}`, async () => {
      const heard: string[] = []
      const unsubscribe = onAssessmentsSaved((ids) => heard.push(...ids))
      const file = join(dir, 'out.jsonl')
      const storage = startAssessmentStorage(ctx, now, { file, onWorker })
      for (const b of batches) await storage.store(b)
      await storage.finish()
      unsubscribe()

      const all = batches.flat()
      expect(readFileSync(file, 'utf8')).toBe(
        all.map((a) => `${JSON.stringify(toInterchange(a))}\n`).join(''),
      )
      expect(existsSync(`${file}.partial`)).toBe(false)
      const rows = storedRows() as Record<string, unknown>[]
      expect(rows.map((r) => r.contact_id)).toEqual(all.map((a) => a.contact_id))
      expect(rows[0]).toMatchObject({
        risk: 'high',
        severity: 'level2',
        categories: '["proxy_in_consumer_name"]',
        gang_id: 'G-0',
        score: 0.875,
        assessed_at: now,
      })
      expect(JSON.parse(rows[0]?.signals as string)).toEqual(all[0]?.signals)
      expect(rows[1]).toMatchObject({ risk: 'none', severity: null, gang_id: null })
      expect(heard.sort()).toEqual(all.map((a) => a.contact_id))
    })

  it('gives the same rows on a worker as in place, re-stored rows replaced', async () => {
    const run = async (onWorker: boolean) => {
      const storage = startAssessmentStorage(ctx, now, { onWorker })
      for (const b of batches) await storage.store(b)
      await storage.store([{ ...assessed(1), risk: 'medium' }])
      await storage.finish()
      const rows = storedRows()
      await store.db.deleteFrom('assessments').execute()
      return rows
    }
    const inPlace = await run(false)
    expect(await run(true)).toEqual(inPlace)
    expect(inPlace).toHaveLength(9)
    expect((inPlace[1] as { risk: string }).risk).toBe('medium')
  })

  it('reports a failure of the worker and leaves the file unfinished', async () => {
    await store.db.schema.dropTable('assessments').execute()
    const file = join(dir, 'out.jsonl')
    const storage = startAssessmentStorage(ctx, now, { file, onWorker: true })
    await expect(
      (async () => {
        for (const b of batches) await storage.store(b)
        await storage.finish()
      })(),
    ).rejects.toThrow(/assessments/)
    await storage.abandon()
    expect(existsSync(file)).toBe(false)
  })
})
