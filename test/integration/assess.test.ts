import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assessFiles, loadAssessment, loadRuleSet, toInterchange } from '../../src/detect/index.js'
import type { ScoredAssessment } from '../../src/detect/index.js'
import { buildContact, buildCustomer, validIdNumber, writeJsonl } from './builders.js'
import { testStores, useStore } from './stores.js'

const rules = loadRuleSet()
const AGENT = '19912345678'

const customers = Array.from({ length: 6 }, (_, i) =>
  buildCustomer({
    customer_id: `C${i + 1}`,
    phone: `1390000${String(1000 + i)}`,
    id_number: validIdNumber('330106', '19870512', String(100 + i)),
  }),
)
const agentCall = (n: number, day: number) =>
  buildContact({
    contact_id: `A${n}`,
    customer_id: `C${n}`,
    received_at: `2026-04-${String(day).padStart(2, '0')}T10:00:00+08:00`,
    caller: { phone: AGENT, role: 'agent', name: '李助理' },
    demands: ['停息挂账'],
  })

describe.each(testStores)('batch assessment on $kind', (store) => {
  const { available } = store
  const t = useStore(store)

  it.skipIf(!available)(
    'assesses a fresh store and writes one assessment per contact',
    async () => {
      const genuine = buildContact({
        contact_id: 'G1',
        customer_id: 'C6',
        channel: 'app_feedback',
        text: '本月自动扣款失败，请帮忙看一下是什么原因。',
      })
      const emitted: ScoredAssessment[] = []
      const r = await assessFiles(t.ctx, {
        rules,
        emit: (batch) => void emitted.push(...batch),
        customers: writeJsonl(t.dir, 'customers.jsonl', customers),
        contacts: writeJsonl(t.dir, 'contacts.jsonl', [
          agentCall(1, 1),
          agentCall(2, 2),
          agentCall(3, 3),
          genuine,
        ]),
      })
      expect(emitted.map((a) => a.contact_id).sort()).toEqual(['A1', 'A2', 'A3', 'G1'])
      expect(r).toMatchObject({ assessed: 4, flagged: 3 })
      const byId = new Map(emitted.map((a) => [a.contact_id, a]))
      expect(byId.get('A1')?.risk).toMatch(/medium|high/)
      expect(byId.get('G1')).toMatchObject({ risk: 'none', categories: [], gang_id: null })
      const stored = await loadAssessment(t.ctx.db, 'A2')
      expect(stored?.signals.map((s) => s.code)).toContain('fan_out')
    },
  )

  it.skipIf(!available)(
    'stores a bulk first run like a small one, and has its indexes back even when the run fails',
    async () => {
      const input = {
        rules,
        customers: writeJsonl(t.dir, 'customers.jsonl', customers),
        contacts: writeJsonl(t.dir, 'contacts.jsonl', [agentCall(1, 1), agentCall(2, 2)]),
      }
      const emitted: ScoredAssessment[] = []
      await assessFiles(t.ctx, {
        ...input,
        bulkStoreFrom: 1,
        emit: (batch) => void emitted.push(...batch),
      })
      expect(emitted).toHaveLength(2)
      for (const a of emitted)
        expect((await loadAssessment(t.ctx.db, a.contact_id))?.risk).toBe(a.risk)
      await expect(assessmentIndexes()).resolves.toEqual(store.kind === 'sqlite' ? BOTH : [])

      await t.ctx.db.deleteFrom('assessments').execute()
      await expect(
        assessFiles(t.ctx, {
          ...input,
          contacts: writeJsonl(t.dir, 'more.jsonl', [agentCall(3, 3)]),
          bulkStoreFrom: 1,
          emit: () => {
            throw new Error('disk full')
          },
        }),
      ).rejects.toThrow('disk full')
      await expect(assessmentIndexes()).resolves.toEqual(store.kind === 'sqlite' ? BOTH : [])
      const pending = await sql<{ n: number }>`select count(*) as n from bulk_load_pending`.execute(
        t.ctx.db,
      )
      expect(Number(pending.rows[0]?.n)).toBe(0)
    },
  )

  it.skipIf(!available)(
    'stores on a worker and writes the assessments file just as it does in place',
    async () => {
      const input = {
        rules,
        customers: writeJsonl(t.dir, 'customers.jsonl', customers),
        contacts: writeJsonl(
          t.dir,
          'contacts.jsonl',
          [1, 2, 3, 4].map((n) => agentCall(n, n)),
        ),
      }
      const run = async (storeOnWorkerFrom: number, name: string) => {
        const emitted: ScoredAssessment[] = []
        const out = join(t.dir, name)
        await assessFiles(t.ctx, {
          ...input,
          out,
          storeOnWorkerFrom,
          emit: (batch) => void emitted.push(...batch),
        })
        const rows = await t.ctx.db
          .selectFrom('assessments')
          .select(['contact_id', 'risk', 'severity', 'categories', 'signals', 'gang_id', 'score'])
          .orderBy('contact_id')
          .execute()
        await t.ctx.db.deleteFrom('assessments').execute()
        return { emitted, rows, file: readFileSync(out, 'utf8') }
      }
      const onWorker = await run(1, 'on-worker.jsonl')
      const inPlace = await run(Number.POSITIVE_INFINITY, 'in-place.jsonl')
      expect(onWorker.rows).toHaveLength(4)
      expect(onWorker.rows).toEqual(inPlace.rows)
      expect(onWorker.file).toBe(inPlace.file)
      expect(onWorker.file).toBe(
        onWorker.emitted.map((a) => `${JSON.stringify(toInterchange(a))}\n`).join(''),
      )
    },
  )

  const BOTH = ['assessments_gang', 'assessments_risk']
  /** The assessment indexes SQLite holds (PostgreSQL never drops them: nothing to check there). */
  async function assessmentIndexes(): Promise<string[]> {
    if (store.kind !== 'sqlite') return []
    const r = await sql<{ name: string }>`select name from sqlite_master
      where type = 'index' and tbl_name = 'assessments' and name like 'assessments_%'
      order by name`.execute(t.ctx.db)
    return r.rows.map((x) => x.name)
  }

  it.skipIf(!available)('re-assesses only the earlier contacts a new batch touches', async () => {
    const unrelated = Array.from({ length: 5 }, (_, i) =>
      buildContact({
        contact_id: `U${i}`,
        customer_id: 'C6',
        received_at: `2026-03-0${i + 1}T09:00:00+08:00`,
        text: '想咨询提前还款的手续费。',
      }),
    )
    await assessFiles(t.ctx, {
      rules,
      customers: writeJsonl(t.dir, 'customers.jsonl', customers),
      contacts: writeJsonl(t.dir, 'c1.jsonl', [agentCall(1, 1), agentCall(2, 2), ...unrelated]),
    })
    expect((await loadAssessment(t.ctx.db, 'A1'))?.risk).toMatch(/none|low/)
    const emitted: ScoredAssessment[] = []
    const second = await assessFiles(t.ctx, {
      rules,
      emit: (batch) => void emitted.push(...batch),
      contacts: writeJsonl(t.dir, 'c2.jsonl', [agentCall(3, 3)]),
    })
    expect(second.historyContacts).toBe(7)
    expect(emitted.map((a) => a.contact_id)).toEqual(['A3'])
    expect(second.reassessedEarlier).toBe(2)
    expect(second.changedEarlier).toBe(2)
    expect((await loadAssessment(t.ctx.db, 'A1'))?.risk).toMatch(/medium|high/)
  })
})
