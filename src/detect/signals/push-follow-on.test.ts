import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const AGENCY_LINE = '17188886666'
const CUSTOMERS = [customer(1), customer(2), customer(3), customer(4)]

/** One agency line speaking for three customers in the first week of March. */
function agencyCalls(): Contact[] {
  return CUSTOMERS.slice(0, 3).map((c, i) =>
    contact(`line-${c.customer_id}`, {
      customer_id: c.customer_id,
      received_at: day(3 + i),
      caller: { phone: AGENCY_LINE, role: 'agent', name: '周经理' },
      text: `来电人自称${c.name}委托的代理人，要求停息挂账，只还本金，请勿再联系借款人本人。`,
    }),
  )
}

/** Customer C2 in their own words, from the number on file or their own account: nothing an agency says. */
function own(
  id: string,
  n: number,
  channel: 'call' | 'app_feedback' | 'regulator' = 'call',
): Contact {
  const c2 = CUSTOMERS[1]!
  return contact(id, {
    customer_id: 'C2',
    channel,
    source: channel === 'regulator' ? '12378' : channel === 'app_feedback' ? 'app' : 'hotline',
    received_at: day(n),
    caller: { phone: c2.phone, role: 'self', name: c2.name },
    text: '客户本人反映目前还款有困难，希望协商分期还款，询问处理进度。',
  })
}

describe('push follow-on', () => {
  it("carries an agency's push to the customer's own contact that follows it, with the contact that started it", () => {
    const d = detectorWith(CUSTOMERS, [...agencyCalls(), own('own-after', 12, 'regulator')])
    const a = d.assess(d.index.byId.get('own-after')!)
    const s = a.signals.find((x) => x.code === 'push_follow_on')
    expect(s, JSON.stringify(a.signals)).toBeDefined()
    expect(s?.evidence[0]).toMatchObject({ kind: 'contact', id: 'line-C2' })
    expect(s?.explanation['zh-CN']).toContain('请与客户本人核实')
    // A hint on its own; with the customer raised again through another channel it is a flag.
    const more = detectorWith(CUSTOMERS, [
      ...agencyCalls(),
      own('own-app', 10, 'app_feedback'),
      own('own-after', 12, 'regulator'),
    ])
    const b = more.assess(more.index.byId.get('own-after')!)
    expect(['medium', 'high']).toContain(b.risk)
    expect(b.recommended_action).toBe('verify-customer-directly')
  })

  it('leaves alone what the customer said before the agency came, and what comes long after', () => {
    const d = detectorWith(CUSTOMERS, [
      own('own-before', 1),
      ...agencyCalls(),
      own('own-later', 60),
    ])
    for (const id of ['own-before', 'own-later']) {
      const a = d.assess(d.index.byId.get(id)!)
      expect(
        a.signals.map((x) => x.code),
        id,
      ).not.toContain('push_follow_on')
      expect(['none', 'low'], id).toContain(a.risk)
    }
  })

  it('never turns on a customer who has reported the agency as a scam', () => {
    const c2 = CUSTOMERS[1]!
    const report = contact('victim-C2', {
      customer_id: 'C2',
      channel: 'victim_report',
      source: 'hotline',
      received_at: day(8),
      caller: { phone: c2.phone, role: 'self', name: c2.name },
      text: `我被一个债务优化机构骗了服务费，对方电话${AGENCY_LINE}，说能帮我停息挂账。`,
    })
    const d = detectorWith(CUSTOMERS, [...agencyCalls(), report, own('own-after', 12)])
    const a = d.assess(d.index.byId.get('own-after')!)
    expect(a.signals.map((x) => x.code)).not.toContain('push_follow_on')
  })

  it('is not needed, and not added, when the contact carries its own agency marks', () => {
    const d = detectorWith(CUSTOMERS, agencyCalls())
    const a = d.assess(d.index.byId.get('line-C3')!)
    expect(a.signals.map((x) => x.code)).toContain('fan_out')
    expect(a.signals.map((x) => x.code)).not.toContain('push_follow_on')
  })
})
