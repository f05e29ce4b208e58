import { describe, expect, it } from 'vitest'
import type { Context } from '../../src/context.js'
import type { Category, Contact } from '../../src/contract/index.js'
import { saveAssessments } from '../../src/detect/index.js'
import { importFile } from '../../src/intake/index.js'
import { identifierKey, organizationIdentifier } from '../../src/links/index.js'
import { nameKey } from '../../src/normalize/index.js'
import type { StatsError } from '../../src/reporting/index.js'
import { dashboardStats } from '../../src/reporting/index.js'
import { topFanOut } from '../../src/reporting/stats.queries.js'
import { buildContact, buildCustomer, validIdNumber, writeJsonl } from './builders.js'
import type { OpenTestStore } from './stores.js'
import { testStores, useStore } from './stores.js'

const AGENT = '19912345678'
const LAWYER = '13512340000'
const ORG = '深圳市信和法务咨询有限公司'
const phoneOf = (n: number) => `1390000100${n}`

const customers = Array.from({ length: 8 }, (_, i) =>
  buildCustomer({
    customer_id: `C${i + 1}`,
    phone: phoneOf(i + 1),
    id_number: validIdNumber('330106', '19870512', String(101 + i)),
  }),
)

const at = (day: string, time = '10:00') => `2026-${day}T${time}:00+08:00`
const agentCall = (id: string, customer: string, day: string, extra: Partial<Contact> = {}) =>
  buildContact({
    contact_id: id,
    customer_id: customer,
    received_at: at(day),
    caller: { phone: AGENT, role: 'agent' },
    demands: ['停息挂账', '减免利息'],
    text: '我是客户委托的代理人，客户因失业无力还款，要求停息挂账，否则向监管投诉。',
    ...extra,
  })
const ownCall = (id: string, customer: number, received_at: string, channel: Contact['channel']) =>
  buildContact({
    contact_id: id,
    customer_id: `C${customer}`,
    channel,
    received_at,
    caller: { phone: phoneOf(customer), role: 'self', name: '王建国' },
    claimed: { phone: phoneOf(customer) },
  })
const lawyerLetter = (id: string, customer: string, day: string) =>
  buildContact({
    contact_id: id,
    customer_id: customer,
    channel: 'letter',
    source: 'mailroom',
    received_at: at(day),
    participants: [{ phone: LAWYER, role: 'lawyer', name: '周律师' }],
    text: '律师函：我所受当事人委托，就贵司催收行为提出异议。',
  })
const appFeedback = (id: string, customer: string, day: string) =>
  buildContact({
    contact_id: id,
    customer_id: customer,
    channel: 'app_feedback',
    source: 'app',
    received_at: at(day, '21:00'),
    network: { device_id: 'DEV-SHARED-01' },
    text: '新用户注册优惠券没有到账。',
  })

/** March history, an agency calling in April, a lawyer's letters, a family phone, a shared device. */
const contacts = [
  agentCall('OLD', 'C8', '03-10'),
  agentCall('M1', 'C6', '03-25'),
  agentCall('A1', 'C1', '04-01', { participants: [{ organization: ORG, role: 'agent' }] }),
  // 07:00 in Beijing is still the 1st in UTC.
  ownCall('G1', 5, at('04-02', '07:00'), 'call'),
  agentCall('A2', 'C2', '04-02', { participants: [{ organization: ORG, role: 'agent' }] }),
  agentCall('A3', 'C3', '04-03', { participants: [{ organization: ORG, role: 'agent' }] }),
  agentCall('A4', 'C4', '04-05', { channel: 'online_ticket', source: 'web' }),
  agentCall('A5', 'C5', '04-06', { received_at: at('04-06', '06:30') }),
  lawyerLetter('L6', 'C6', '04-08'),
  lawyerLetter('L7', 'C7', '04-09'),
  ownCall('S1', 1, at('04-10'), 'call'),
  ownCall('S7', 7, at('04-11'), 'call'),
  // C8 calls from the phone registered to C7, a relative: one customer it is not C7's own for.
  buildContact({
    contact_id: 'F8',
    customer_id: 'C8',
    received_at: at('04-12'),
    caller: { phone: phoneOf(7), role: 'relative', name: '王芳' },
  }),
  appFeedback('D2', 'C2', '04-15'),
  ownCall('U1', 4, at('04-18'), 'email'),
  appFeedback('D3', 'C3', '04-20'),
]

type Verdict = {
  risk: 'none' | 'low' | 'medium' | 'high'
  severity?: 'level1' | 'level2'
  categories?: Category[]
  gang?: string
}
const agency: Verdict = {
  risk: 'high',
  severity: 'level2',
  categories: ['proxy_in_consumer_name', 'accompanying_agent'],
  gang: 'G1',
}
const letter: Verdict = {
  risk: 'medium',
  severity: 'level1',
  categories: ['orchestrated_repeat_complaints'],
  gang: 'G2',
}
/** U1 has no assessment yet. */
const verdicts: Record<string, Verdict> = {
  OLD: { ...agency, categories: ['proxy_in_consumer_name'] },
  M1: { ...agency, categories: ['proxy_in_consumer_name'], gang: 'G0' },
  A1: agency,
  A2: agency,
  A3: agency,
  A4: agency,
  A5: agency,
  G1: { risk: 'none' },
  L6: letter,
  L7: letter,
  S1: { risk: 'none' },
  S7: { risk: 'none' },
  F8: { risk: 'low' },
  D2: { risk: 'medium', severity: 'level1', categories: ['promotion_abuse'] },
  D3: { risk: 'none' },
}

const reviews: [string, string, string][] = [
  ['A1', 'confirmed_agency', '2026-04-02T00:00:00.000Z'],
  ['A1', 'genuine', '2026-04-03T00:00:00.000Z'],
  ['A2', 'confirmed_agency', '2026-04-03T00:00:00.000Z'],
  ['A3', 'needs_verification', '2026-04-04T00:00:00.000Z'],
  ['A3', 'confirmed_agency', '2026-04-05T00:00:00.000Z'],
  ['L6', 'genuine', '2026-04-10T00:00:00.000Z'],
  ['D2', 'dismissed', '2026-04-16T00:00:00.000Z'],
  ['M1', 'confirmed_agency', '2026-03-26T00:00:00.000Z'],
]

async function seed(t: OpenTestStore): Promise<void> {
  await importFile(t.ctx, 'customers', writeJsonl(t.dir, 'customers.jsonl', customers))
  await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'contacts.jsonl', contacts))
  await saveAssessments(
    t.ctx.db,
    Object.entries(verdicts).map(([contact_id, v]) => ({
      contact_id,
      risk: v.risk,
      severity: v.severity ?? null,
      categories: v.categories ?? [],
      signals: [],
      gang_id: v.gang ?? null,
      recommended_action: v.risk === 'high' ? 'verify_identity' : 'handle_normally',
      rules_version: 'test',
      score: v.risk === 'high' ? 0.9 : 0.1,
    })),
    '2026-04-21T00:00:00.000Z',
  )
  await t.ctx.db
    .insertInto('contact_reviews')
    .values(
      reviews.map(([contact_id, decision, reviewed_at], i) => ({
        review_id: `R${i}`,
        contact_id,
        decision,
        note: null,
        reviewed_by: 'handler.li',
        reviewed_at,
      })),
    )
    .execute()
}

const APRIL = {
  month: '2026-04',
  contacts: 14,
  flagged: 8,
  level1: 3,
  level2: 5,
  gangs: 2,
  reviewed: 5,
  confirmed_agency: 2,
  genuine: 2,
}

const org = organizationIdentifier(ORG)?.identifier ?? ''

function failure(p: Promise<unknown>): Promise<StatsError> {
  return p.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e as StatsError,
  )
}

describe.each(testStores)('dashboard stats on $kind', (store) => {
  const { available } = store
  const t = useStore(store)

  it.skipIf(!available)('summarises the 30 days up to the newest contact', async () => {
    await seed(t)
    const s = await dashboardStats(t.ctx)
    expect(s.range).toEqual({ from: '2026-03-22', to: '2026-04-20' })
    expect(s.by_channel_day).toEqual([
      { day: '2026-03-25', channel: 'call', contacts: 1, flagged: 1 },
      { day: '2026-04-01', channel: 'call', contacts: 2, flagged: 1 },
      { day: '2026-04-02', channel: 'call', contacts: 1, flagged: 1 },
      { day: '2026-04-03', channel: 'call', contacts: 1, flagged: 1 },
      { day: '2026-04-05', channel: 'call', contacts: 1, flagged: 1 },
      { day: '2026-04-05', channel: 'online_ticket', contacts: 1, flagged: 1 },
      { day: '2026-04-08', channel: 'letter', contacts: 1, flagged: 1 },
      { day: '2026-04-09', channel: 'letter', contacts: 1, flagged: 1 },
      { day: '2026-04-10', channel: 'call', contacts: 1, flagged: 0 },
      { day: '2026-04-11', channel: 'call', contacts: 1, flagged: 0 },
      { day: '2026-04-12', channel: 'call', contacts: 1, flagged: 0 },
      { day: '2026-04-15', channel: 'app_feedback', contacts: 1, flagged: 1 },
      { day: '2026-04-18', channel: 'email', contacts: 1, flagged: 0 },
      { day: '2026-04-20', channel: 'app_feedback', contacts: 1, flagged: 0 },
    ])
    expect(s.flagged_share).toBeCloseTo(9 / 15, 10)
    expect(s.by_category).toEqual([
      { category: 'proxy_in_consumer_name', contacts: 6 },
      { category: 'accompanying_agent', contacts: 5 },
      { category: 'orchestrated_repeat_complaints', contacts: 2 },
      { category: 'false_evidence_and_refusal', contacts: 0 },
      { category: 'complaint_order_violation', contacts: 0 },
      { category: 'anti_collection_alliance', contacts: 0 },
      { category: 'promotion_abuse', contacts: 1 },
      { category: 'malicious_complaint', contacts: 0 },
    ])
    expect(s.by_severity).toEqual([
      { severity: 'level1', contacts: 3 },
      { severity: 'level2', contacts: 6 },
    ])
    expect(s.by_risk).toEqual([
      { risk: 'none', contacts: 4 },
      { risk: 'low', contacts: 1 },
      { risk: 'medium', contacts: 3 },
      { risk: 'high', contacts: 6 },
      { risk: 'unassessed', contacts: 1 },
    ])
    // The family phone speaks for C8 only (it is C7's own); claimed and own phones never count.
    expect(s.top_fan_out).toEqual([
      { identifier: 'phone:+8619912345678', kind: 'phone', customers: 6, contacts: 6 },
      { identifier: org, kind: 'organization', customers: 3, contacts: 3 },
      {
        identifier: identifierKey('agent_name', nameKey('周律师')),
        kind: 'agent_name',
        customers: 2,
        contacts: 2,
      },
      { identifier: 'device:dev-shared-01', kind: 'device', customers: 2, contacts: 2 },
      { identifier: 'phone:+8613512340000', kind: 'phone', customers: 2, contacts: 2 },
    ])
    expect(s.month).toEqual(APRIL)
  })

  it.skipIf(!available)(
    'keeps to the days asked for, while the month stays the whole calendar month',
    async () => {
      await seed(t)
      const s = await dashboardStats(t.ctx, { from: '2026-04-01', to: '2026-04-03' })
      expect(s.range).toEqual({ from: '2026-04-01', to: '2026-04-03' })
      expect(s.by_channel_day).toEqual([
        { day: '2026-04-01', channel: 'call', contacts: 2, flagged: 1 },
        { day: '2026-04-02', channel: 'call', contacts: 1, flagged: 1 },
        { day: '2026-04-03', channel: 'call', contacts: 1, flagged: 1 },
      ])
      expect(s.flagged_share).toBe(0.75)
      expect(s.top_fan_out.map((f) => [f.identifier, f.customers, f.contacts])).toEqual([
        [org, 3, 3],
        ['phone:+8619912345678', 3, 3],
      ])
      expect(s.month).toEqual(APRIL)

      const upTo = await dashboardStats(t.ctx, { to: '2026-04-09' })
      expect(upTo.range).toEqual({ from: '2026-03-11', to: '2026-04-09' })
      expect(upTo.by_risk.reduce((n, r) => n + r.contacts, 0)).toBe(9)
      expect(upTo.top_fan_out[0]).toMatchObject({ customers: 6 })
      expect(upTo.month).toEqual(APRIL)

      const march = await dashboardStats(t.ctx, { from: '2026-03-01', to: '2026-03-31T12:00:00Z' })
      expect(march.range).toEqual({ from: '2026-03-01', to: '2026-03-31' })
      expect(march.top_fan_out).toEqual([
        { identifier: 'phone:+8619912345678', kind: 'phone', customers: 2, contacts: 2 },
      ])
      expect(march.month).toEqual({
        month: '2026-03',
        contacts: 2,
        flagged: 2,
        level1: 0,
        level2: 2,
        gangs: 2,
        reviewed: 1,
        confirmed_agency: 1,
        genuine: 0,
      })
    },
  )

  it.skipIf(!available)(
    'ranks fan-out the same whether the first pass proves the answer or not',
    async () => {
      await seed(t)
      const april = { from: '2026-03-22T00:00:00.000Z', to: '2026-04-21T00:00:00.000Z' }
      for (const limit of [1, 2, 3, 5, 10]) {
        const everything = await topFanOut(t.ctx, april, limit, 1000)
        expect(everything).toHaveLength(Math.min(limit, 5))
        for (const candidatesPer of [1, 2, 3])
          expect(await topFanOut(t.ctx, april, limit, candidatesPer)).toEqual(everything)
      }
    },
  )

  it.skipIf(!available)('shows an empty month before any contact arrives', async () => {
    const ctx: Context = { ...t.ctx, clock: { now: () => new Date('2026-05-15T08:00:00Z') } }
    const s = await dashboardStats(ctx)
    expect(s).toMatchObject({
      range: { from: '2026-04-16', to: '2026-05-15' },
      by_channel_day: [],
      flagged_share: 0,
      top_fan_out: [],
      month: { month: '2026-05', contacts: 0, flagged: 0, gangs: 0, reviewed: 0 },
    })
    expect(s.by_category.every((c) => c.contacts === 0)).toBe(true)
  })

  it.skipIf(!available)('refuses a range it cannot read, naming the field', async () => {
    const cases = [
      [{ from: '2026-04-10', to: '2026-04-01' }, 'from'],
      [{ from: 'last week' }, 'from'],
      [{ to: '2026-02-30' }, 'to'],
    ] as const
    for (const [query, field] of cases) {
      const e = await failure(dashboardStats(t.ctx, query))
      expect({ code: e.code, field: e.field }).toEqual({ code: 'validation', field })
    }
  })
})
