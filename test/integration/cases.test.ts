// Cases on both stores: opening from a contact, a gang, an identifier or by hand; only allowed
// moves, each on the timeline with who, when and why; victim reports linked to the agency's case.
import { describe, expect, it } from 'vitest'
import type { CaseState } from '../../src/cases/index.js'
import {
  allowedTransitions,
  caseFile,
  caseStates,
  addCaseMembers,
  commentOnCase,
  linkMatchingVictimReports,
  listVictimReports,
  openCase,
  transitionCase,
  updateCase,
} from '../../src/cases/index.js'
import type { Context } from '../../src/context.js'
import { appendPartnerNote } from '../../src/sharing/joint-case-publish.js'
import { AGENT_PHONE } from './api-fixture.js'
import { assessedBook, gangOf } from './case-fixture.js'
import { testStores, useStore } from './stores.js'

/** The usual road to each state, from lead. */
const roadTo: Record<CaseState, CaseState[]> = {
  lead: [],
  investigating: ['investigating'],
  preparing_report: ['investigating', 'preparing_report'],
  reported: ['investigating', 'preparing_report', 'reported'],
  filed: ['investigating', 'preparing_report', 'reported', 'filed'],
  closed: ['closed'],
}

async function caseIn(ctx: Context, state: CaseState): Promise<string> {
  const c = await openCase(ctx, { origin: 'manual', title: '测试案件' }, 'investigator')
  for (const to of roadTo[state])
    await transitionCase(
      ctx,
      c.case_id,
      {
        to,
        reason: '推进',
        outcome: to === 'closed' ? 'insufficient_evidence' : undefined,
        police_case_ref: to === 'filed' ? '杭公（西）立字〔2026〕1234号' : undefined,
      },
      'investigator',
    )
  return c.case_id
}

describe.each(testStores)('cases on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)(
    'opens a case from a flagged contact with its gang, customers, agency phone and level-1 reasons',
    async () => {
      await assessedBook(t.ctx, t.dir)
      const c = await openCase(t.ctx, { origin: 'contact', ref: 'A1' }, 'investigator')
      expect(c.state).toBe('lead')
      expect(c.gang_id).toBe(await gangOf(t.ctx, 'A1'))
      const file = await caseFile(t.ctx, c.case_id)
      const of = (k: string) => file.members.filter((m) => m.kind === k).map((m) => m.id)
      expect(of('contact')).toEqual(expect.arrayContaining(['A1', 'A2', 'A3', 'A4']))
      expect(of('contact')).not.toContain('G1')
      expect(of('customer')).toEqual(expect.arrayContaining(['C1', 'C2', 'C3', 'C4']))
      expect(of('customer')).not.toContain('C6')
      expect(of('identifier')).toContain(`phone:+86${AGENT_PHONE}`)
      // A borrower's own number is never counted as the agency's.
      expect(of('identifier').some((i) => i.includes('13900001005'))).toBe(false)
      expect(c.severity).not.toBeNull()
      expect(c.severity_reasons.length).toBeGreaterThan(0)
      expect(file.timeline[0]).toMatchObject({
        kind: 'opened',
        actor: 'investigator',
        to_state: 'lead',
      })
      // One open case per gang: a second one from another of its contacts is refused.
      await expect(
        openCase(t.ctx, { origin: 'contact', ref: 'A3' }, 'handler'),
      ).rejects.toMatchObject({
        code: 'conflict',
        field: 'ref',
      })
    },
  )

  it.skipIf(!store.available)(
    "partners' notes arriving while handlers comment each get their own place on the timeline",
    async () => {
      const c = await openCase(t.ctx, { origin: 'manual', title: '联合案件' }, 'handler')
      // The sharing sync writes a partner's note outside any transaction, beside the comments.
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2
            ? commentOnCase(t.ctx, c.case_id, `我方意见 ${i}`, 'handler')
            : appendPartnerNote(t.ctx, c.case_id, 'lender-a', `note--${i}`, {
                id: `note--${i}`,
                content: `甲机构备注 ${i}`,
                authors: ['admin'],
              }),
        ),
      )
      const timeline = (await caseFile(t.ctx, c.case_id)).timeline
      const texts = timeline.map((e) => (e.detail as { text?: string }).text).filter(Boolean)
      expect(texts.sort()).toEqual(
        [1, 3, 5, 7].flatMap((i) => [`我方意见 ${i}`, `甲机构备注 ${i - 1}`]).sort(),
      )
      expect(new Set(timeline.map((e) => e.seq)).size).toBe(timeline.length)
    },
  )

  it.skipIf(!store.available)(
    'opens from a gang, an identifier and by hand; an unknown ref is not found',
    async () => {
      await assessedBook(t.ctx, t.dir)
      const byIdentifier = await openCase(
        t.ctx,
        { origin: 'identifier', ref: `phone:+86${AGENT_PHONE}` },
        'investigator',
      )
      expect(
        (await caseFile(t.ctx, byIdentifier.case_id)).members.filter((m) => m.kind === 'customer')
          .length,
      ).toBeGreaterThanOrEqual(4)
      const byGang = await openCase(
        t.ctx,
        { origin: 'gang', ref: await gangOf(t.ctx, 'A2') },
        'investigator',
      )
      expect(byGang.title).toContain('名客户')
      const manual = await openCase(
        t.ctx,
        { origin: 'manual', title: '线下举报：某债务优化公司' },
        'handler',
      )
      expect(manual.severity).toBeNull()
      await expect(
        openCase(t.ctx, { origin: 'contact', ref: 'NOPE' }, 'handler'),
      ).rejects.toMatchObject({ code: 'not_found' })
      await expect(openCase(t.ctx, { origin: 'gang' }, 'handler')).rejects.toMatchObject({
        code: 'validation',
        field: 'ref',
      })
    },
  )

  it.skipIf(!store.available)(
    'refuses every illegal transition from every state and leaves the case as it was',
    async () => {
      for (const from of caseStates) {
        const id = await caseIn(t.ctx, from)
        const before = await caseFile(t.ctx, id)
        expect(before.case.state).toBe(from)
        for (const to of caseStates.filter((s) => !allowedTransitions[from].includes(s)))
          await expect(
            transitionCase(t.ctx, id, { to, reason: '试图越级' }, 'investigator'),
            `${from} -> ${to}`,
          ).rejects.toMatchObject({ code: 'conflict', field: 'to' })
        const after = await caseFile(t.ctx, id)
        expect(after.case.state).toBe(from)
        expect(after.timeline).toHaveLength(before.timeline.length)
      }
    },
  )

  it.skipIf(!store.available)(
    'records who moved a case, when and why; closing needs an outcome, filing a police number',
    async () => {
      const id = await caseIn(t.ctx, 'reported')
      await expect(
        transitionCase(t.ctx, id, { to: 'filed', reason: '公安已立案' }, 'investigator'),
      ).rejects.toMatchObject({
        field: 'police_case_ref',
      })
      const filed = await transitionCase(
        t.ctx,
        id,
        { to: 'filed', reason: '公安已立案', police_case_ref: '杭公（西）立字〔2026〕88号' },
        'investigator',
      )
      expect(filed.police_case_ref).toBe('杭公（西）立字〔2026〕88号')
      await expect(
        transitionCase(t.ctx, id, { to: 'closed', reason: '结案' }, 'admin'),
      ).rejects.toMatchObject({ field: 'outcome' })
      await transitionCase(
        t.ctx,
        id,
        { to: 'closed', reason: '已判决', outcome: 'prosecuted' },
        'admin',
      )
      const { timeline, case: c } = await caseFile(t.ctx, id)
      expect(c.outcome).toBe('prosecuted')
      const moves = timeline.filter((e) => e.kind === 'transition')
      expect(moves.map((m) => `${m.from_state}>${m.to_state}`)).toEqual([
        'lead>investigating',
        'investigating>preparing_report',
        'preparing_report>reported',
        'reported>filed',
        'filed>closed',
      ])
      expect(moves.at(-1)).toMatchObject({
        actor: 'admin',
        detail: { reason: '已判决', outcome: 'prosecuted' },
      })
      expect(moves.every((m) => !Number.isNaN(Date.parse(m.at)))).toBe(true)
    },
  )

  it.skipIf(!store.available)(
    'assigns, sets a due date, flags a joint case, comments, all on the timeline',
    async () => {
      const id = await caseIn(t.ctx, 'investigating')
      await updateCase(
        t.ctx,
        id,
        {
          assignee: 'investigator',
          due_at: '2026-05-31T18:00:00+08:00',
          joint: true,
          joint_partners: [{ institution: '某消费金融公司', reference: 'XF-2026-017' }],
          amounts: [{ label: '受害人被收取服务费', fen: 380_000 }],
        },
        'admin',
      )
      await commentOnCase(t.ctx, id, '已调取通话录音三段', 'investigator')
      const { case: c, timeline } = await caseFile(t.ctx, id)
      expect(c).toMatchObject({
        assignee: 'investigator',
        joint: true,
        due_at: '2026-05-31T18:00:00+08:00',
      })
      expect(c.joint_partners[0]?.reference).toBe('XF-2026-017')
      const updated = timeline.find((e) => e.kind === 'updated')
      expect(updated?.detail.changed).toMatchObject({
        assignee: { from: null, to: 'investigator' },
        joint: { from: false, to: true },
      })
      expect(timeline.at(-1)).toMatchObject({
        kind: 'comment',
        actor: 'investigator',
        detail: { text: '已调取通话录音三段' },
      })
    },
  )

  it.skipIf(!store.available)(
    'links a victim report naming the agency phone to that agency’s case',
    async () => {
      await assessedBook(t.ctx, t.dir)
      const opened = await openCase(
        t.ctx,
        { origin: 'identifier', ref: `phone:+86${AGENT_PHONE}` },
        'investigator',
      )
      const gathered = await caseFile(t.ctx, opened.case_id)
      expect(gathered.members.find((m) => m.id === 'V1')?.via).toBe('victim_report')
      await transitionCase(
        t.ctx,
        opened.case_id,
        { to: 'closed', reason: '并案', outcome: 'merged' },
        'admin',
      )

      const manual = await openCase(t.ctx, { origin: 'manual', title: '鼎盛法务' }, 'investigator')
      await addCaseMembers(
        t.ctx,
        manual.case_id,
        'identifier',
        [`phone:+86${AGENT_PHONE}`],
        'investigator',
      )
      const before = await listVictimReports(t.ctx)
      expect(before.map((r) => r.contact_id)).toEqual(['V1'])
      expect(before[0]?.suggested_cases.concat(before[0]?.cases ?? [])).toContain(manual.case_id)
      await linkMatchingVictimReports(t.ctx, manual.case_id, 'investigator')
      const [report] = await listVictimReports(t.ctx)
      expect(report?.cases).toContain(manual.case_id)
      const { timeline, members } = await caseFile(t.ctx, manual.case_id)
      expect(members.find((m) => m.id === 'V1')?.via).toBe('victim_report')
      // Linking twice adds nothing.
      expect(await linkMatchingVictimReports(t.ctx, manual.case_id, 'investigator')).toEqual([])
      expect(timeline.filter((e) => e.kind === 'victim_report_linked').length).toBeGreaterThan(0)
    },
  )
})
