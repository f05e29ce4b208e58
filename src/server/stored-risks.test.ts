import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Context } from '../context.js'
import { contextFor } from '../context.js'
import type { ScoredAssessment } from '../detect/index.js'
import { saveAssessments } from '../detect/index.js'
import type { Store } from '../store/index.js'
import { createStore, migrateToLatest } from '../store/index.js'
import { StoredRisks } from './stored-risks.js'

const assessed = (contact_id: string, risk: ScoredAssessment['risk']): ScoredAssessment => ({
  contact_id,
  risk,
  severity: null,
  categories: [],
  signals: [],
  gang_id: null,
  recommended_action: 'handle-normally',
  rules_version: 'test',
  score: 0,
})

describe('StoredRisks', () => {
  let store: Store
  let ctx: Context
  let risks: StoredRisks
  const now = '2026-06-01T00:00:00.000Z'

  beforeEach(async () => {
    store = createStore({ kind: 'sqlite', path: ':memory:' })
    ctx = contextFor(store)
    await migrateToLatest(store.db)
    await saveAssessments(ctx.db, [assessed('A1', 'high'), assessed('A2', 'none')], now, ctx.sqlite)
    risks = (await StoredRisks.load(ctx)) as StoredRisks
  })
  afterEach(async () => {
    risks.close()
    await store.db.destroy()
  })

  it('knows every stored risk from the start, and reads a contact it does not know', async () => {
    expect(risks.knows(['A1', 'A2'])).toBe(true)
    expect([risks.get('A1'), risks.get('A2')]).toEqual(['high', 'none'])
    expect(risks.knows(['A1', 'A3'])).toBe(false)
    const read = await risks.read(['A1', 'A3'])
    expect([read.get('A1'), read.get('A3')]).toEqual(['high', null])
    // Remembered, the missing assessment included.
    expect(risks.knows(['A3'])).toBe(true)
    expect(risks.get('A3')).toBeNull()
  })

  it('forgets a contact as soon as its assessment is saved, and reads the new risk', async () => {
    await saveAssessments(ctx.db, [assessed('A1', 'low'), assessed('A3', 'medium')], now)
    expect(risks.knows(['A1'])).toBe(false)
    expect(risks.knows(['A3'])).toBe(false)
    expect(risks.knows(['A2'])).toBe(true)
    const read = await risks.read(['A1', 'A3'])
    expect([read.get('A1'), read.get('A3')]).toEqual(['low', 'medium'])
    expect(risks.get('A1')).toBe('low')
  })

  it('asked during an open transaction, waits for it and reads what was committed', async () => {
    let pending: Promise<unknown> = Promise.resolve()
    let seen: string | null | undefined
    await ctx.db.transaction().execute(async (trx) => {
      await saveAssessments(trx, [assessed('A2', 'high')], now)
      pending = risks.read(['A2']).then((r) => (seen = r.get('A2')))
      await new Promise((ok) => setTimeout(ok, 5))
      expect(seen).toBeUndefined()
    })
    await pending
    expect(seen).toBe('high')
  })

  it('is not used on a store other than SQLite', async () => {
    expect(await StoredRisks.load({ ...ctx, sqlite: undefined })).toBeNull()
  })
})
