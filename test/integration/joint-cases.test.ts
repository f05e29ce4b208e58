// Joint gang cases between two real installations (with the consortium's token service), on both
// stores: B makes its case joint with A; A sees it as a joint case with B's reference, B's status
// change with who and when, and no customer of B's; A's reference and comment reach B; the
// operations report counts the joint case on both sides.
import { describe, expect, it } from 'vitest'
import { AGENT_PHONE } from './api-fixture.js'
import { asAdmin, B_CUSTOMERS, closeAll, threeInstallations } from './three-installations.js'
import type { Consortium, Exchange, Installation } from './three-installations.js'
import { testStores } from './stores.js'

type CaseFile = {
  case: {
    case_id: string
    joint: boolean
    joint_partners: { institution: string; reference: string }[]
  }
  members: unknown
  timeline: { kind: string; actor: string; at: string; detail: { text?: string } }[]
}

async function ok(i: Installation, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const r = await asAdmin(i, method, url, payload)
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300)
  return r.body ? r.json<Record<string, unknown>>() : {}
}

async function patch(i: Installation, url: string, payload: unknown) {
  const r = await i.app.app.inject({
    method: 'PATCH',
    url,
    payload: payload as object,
    cookies: { grayline_session: i.admin },
  })
  expect(r.statusCode, r.body).toBe(200)
}

async function jointCasesIn(i: Installation): Promise<CaseFile[]> {
  const list = (await ok(i, 'GET', '/api/cases?joint=true')) as { items: { case_id: string }[] }
  return Promise.all(
    list.items.map(
      async (c) => (await ok(i, 'GET', `/api/cases/${c.case_id}`)) as unknown as CaseFile,
    ),
  )
}

async function jointInReport(i: Installation): Promise<number> {
  const r = (await ok(i, 'GET', '/api/operations-report')) as { months: { joint: number }[] }
  return r.months.reduce((n, m) => n + m.joint, 0)
}

describe.each(testStores)('joint gang cases ($kind)', (s) => {
  it.skipIf(!s.available)('open on both sides and sync references, status and notes', async () => {
    const exchanges: Exchange[] = []
    let c: Consortium | undefined
    try {
      c = await threeInstallations(s, exchanges)
      const opened = await ok(c.b, 'POST', '/api/cases', {
        origin: 'contact',
        ref: 'BC1',
        title: '代理维权团伙',
        summary: '同一代理人为三名客户投诉',
      })
      const bCase = opened.case_id as string
      await patch(c.b, `/api/cases/${bCase}`, {
        joint: true,
        joint_partners: [{ institution: 'lender-a' }],
      })
      await ok(c.b, 'POST', '/api/sharing/confirmations', {
        kind: 'phone',
        value: AGENT_PHONE,
        standard_of_proof: 'case',
        case_ref: bCase,
        distribution: { scope: 'group', group: 'east' },
        valid_until: '2099-01-01T00:00:00Z',
      })
      await ok(c.b, 'POST', `/api/cases/${bCase}/transitions`, {
        to: 'investigating',
        reason: '与甲机构联合调查',
      })
      await ok(c.b, 'POST', '/api/sharing/sync')
      await ok(c.a, 'POST', '/api/sharing/sync')

      const [onA] = await jointCasesIn(c.a)
      expect(onA?.case.joint_partners).toEqual([{ institution: 'lender-b', reference: bCase }])
      const bStatus = onA?.timeline.find((e) => e.detail.text === 'status lead -> investigating')
      expect(bStatus?.actor).toBe('lender-b:admin')
      expect(JSON.stringify(onA)).not.toMatch(new RegExp(B_CUSTOMERS.map((b) => b.name).join('|')))

      await ok(c.a, 'POST', `/api/cases/${onA!.case.case_id}/comments`, {
        text: '我方四名客户涉及同一代理人',
      })
      await ok(c.a, 'POST', '/api/sharing/sync')
      await ok(c.b, 'POST', '/api/sharing/sync')
      const [onB] = await jointCasesIn(c.b)
      expect(onB?.case.joint_partners).toEqual([
        { institution: 'lender-a', reference: onA!.case.case_id },
      ])
      const aNote = onB?.timeline.find((e) => e.detail.text === '我方四名客户涉及同一代理人')
      expect(aNote?.actor).toBe('lender-a:admin')

      expect(await jointInReport(c.a)).toBeGreaterThanOrEqual(1)
      expect(await jointInReport(c.b)).toBeGreaterThanOrEqual(1)
      const wire = exchanges.map((e) => `${e.request}\n${e.response}`).join('\n')
      for (const b of B_CUSTOMERS)
        for (const raw of [b.phone!, b.id_number!, b.name!]) expect(wire).not.toContain(raw)
    } finally {
      await closeAll(c)
    }
  })
})
