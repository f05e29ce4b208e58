// The monthly operations report from a real history of cases: what was pushed to the police,
// filed, prepared, closed and run jointly in each month, victim reports, warnings and the share of
// warnings confirmed later.
import { describe, expect, it } from 'vitest'
import { openCase, transitionCase, updateCase } from '../../src/cases/index.js'
import type { Context } from '../../src/context.js'
import { monthlyFigures, reportCsv, reportPdf } from '../../src/operations-report/index.js'
import { insertTask } from '../../src/verification/verification-tasks.repository.js'
import { recordReviews } from '../../src/workbench/index.js'
import { assessedBook } from './case-fixture.js'
import { pdfText } from './dossier-reader.js'
import { testStores, useStore } from './stores.js'

describe.each(testStores)('operations report on $kind', (store) => {
  const t = useStore(store)
  const at = (iso: string): Context => ({ ...t.ctx, clock: { now: () => new Date(iso) } })

  it.skipIf(!store.available)(
    'counts each month by Beijing time from the cases’ own history',
    async () => {
      await assessedBook(t.ctx, t.dir)
      // April: two cases; one goes to the police and is filed in May, one is joint and stays in preparation.
      const a = await openCase(
        at('2026-04-02T02:00:00Z'),
        { origin: 'contact', ref: 'A1' },
        'investigator',
      )
      const b = await openCase(
        at('2026-04-10T02:00:00Z'),
        { origin: 'manual', title: '另一团伙' },
        'investigator',
      )
      for (const [id, to, when] of [
        [a.case_id, 'investigating', '2026-04-03T02:00:00Z'],
        [a.case_id, 'preparing_report', '2026-04-15T02:00:00Z'],
        // 30 April 23:30 in Beijing is still April.
        [a.case_id, 'reported', '2026-04-30T15:30:00Z'],
        [b.case_id, 'investigating', '2026-04-11T02:00:00Z'],
        [b.case_id, 'preparing_report', '2026-04-20T02:00:00Z'],
      ] as const)
        await transitionCase(at(when), id, { to, reason: '推进' }, 'investigator')
      await updateCase(
        at('2026-04-21T02:00:00Z'),
        b.case_id,
        { joint: true, joint_partners: [{ institution: '某银行', reference: 'J-1' }] },
        'admin',
      )
      await transitionCase(
        at('2026-05-06T02:00:00Z'),
        a.case_id,
        { to: 'filed', reason: '立案', police_case_ref: '立字88号' },
        'investigator',
      )
      await recordReviews(t.ctx, ['A2'], 'genuine', null, 'handler')
      await recordReviews(t.ctx, ['A2'], 'confirmed_agency', null, 'handler')

      const [april, may] = await monthlyFigures(t.ctx, '2026-04', '2026-05')
      expect(april).toMatchObject({
        month: '2026-04',
        opened: 2,
        pushed: 1,
        filed: 0,
        in_preparation: 1,
        closed: 0,
        active: 2,
        joint: 1,
        victim_reports: 1,
      })
      expect(may).toMatchObject({
        month: '2026-05',
        opened: 0,
        pushed: 0,
        filed: 1,
        in_preparation: 1,
        joint: 1,
        warnings: 0,
        confirmed_share: null,
      })
      // A1–A4 were flagged in April; all four are in the case that went to the police.
      expect(april!.warnings).toBe(4)
      expect(april!.confirmed).toBe(4)
      expect(april!.confirmed_share).toBe(1)

      const csv = reportCsv([april!, may!])
      expect(csv.split('\r\n')[0]).toBe(
        'month,opened,pushed,filed,in_preparation,closed,active,joint,victim_reports,warnings,confirmed,confirmed_share',
      )
      expect(csv).toContain('2026-04,2,1,0,1,0,2,1,1,4,4,1')
      const { text } = await pdfText(
        await reportPdf([april!, may!], new Date('2026-06-01T00:00:00Z')),
      )
      expect(text).toContain('反代理维权工作月报')
      expect(text).toContain('公安立案 1 件')
    },
  )

  it.skipIf(!store.available)(
    'counts a warning as confirmed when the customer denied authorising the representative',
    async () => {
      await assessedBook(t.ctx, t.dir)
      const base = { call_id: null, representative_id: null, representative_label: null }
      const task = (contactId: string, outcome: 'denied' | 'confirmed') => ({
        ...base,
        task_id: `T-${contactId}`,
        customer_id: 'C1',
        contact_id: contactId,
        representative_key: 'phone:+8619912345678',
        channel: 'callback' as const,
        status: 'completed' as const,
        outcome,
        outcome_note: null,
        attempts: 1,
        assigned_to: 'agent',
        created_by: 'handler',
        created_at: '2026-04-20T02:00:00.000Z',
        updated_at: '2026-04-21T02:00:00.000Z',
        completed_by: 'agent',
        completed_at: '2026-04-21T02:00:00.000Z',
      })
      await insertTask(t.ctx.db, task('A3', 'denied'))
      await insertTask(t.ctx.db, task('A4', 'confirmed'))
      const [april] = await monthlyFigures(t.ctx, '2026-04', '2026-04')
      // Only the denial confirms an agency; a customer confirming their representative does not.
      expect(april).toMatchObject({ warnings: 4, confirmed: 1, confirmed_share: 0.25 })
    },
  )
})
