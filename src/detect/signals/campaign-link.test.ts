import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const AGENCY_LINE = '17188886666'

/**
 * A two-client agency: a victim reported its line. For its other client it also wrote through a
 * ticket from a second number and had a "friend" call the regulator. Before signing up, that client
 * had once complained himself, from his own phone, asking for 停息挂账 in his own words.
 */
function smallAgency(): { contacts: Contact[] } {
  const [c1, c2] = [customer(1), customer(2)]
  return {
    contacts: [
      contact('own-earlier', {
        customer_id: 'C2',
        received_at: day(1),
        caller: { phone: c2.phone, role: 'self', name: c2.name },
        text: '客户本人来电，反映协商还款，称这个月实在还不上，可以延期吗。要求停息挂账。来电号码为预留号码。',
      }),
      contact('line-c1', {
        customer_id: 'C1',
        received_at: day(3),
        caller: { phone: AGENCY_LINE, role: 'agent', name: '周经理' },
        text: `来电人自称${c1.name}委托的代理人，要求停息挂账，只还本金。`,
      }),
      contact('line-c2', {
        customer_id: 'C2',
        received_at: day(4),
        caller: { phone: AGENCY_LINE, role: 'agent', name: '周经理' },
        text: `来电人自称${c2.name}委托的代理人，要求停息挂账，只还本金。`,
      }),
      contact('ticket-c2', {
        customer_id: 'C2',
        channel: 'online_ticket',
        source: 'web',
        received_at: day(6),
        caller: { phone: '16612345000', role: 'self', name: c2.name },
        text: '问题类型：协商还款 问题描述：本人因失业无力还款，请求分期还款，减免罚息。',
      }),
      contact('regulator-c2', {
        customer_id: 'C2',
        channel: 'regulator',
        source: '12378',
        received_at: day(8),
        caller: { role: 'friend', name: '小刘' },
        text: `【国家金融监督管理总局转办】消费者朋友来电反映：${c2.name}无力偿还借款，诉求：分期还款。`,
      }),
      contact('victim', {
        customer_id: 'C1',
        channel: 'victim_report',
        source: 'hotline',
        received_at: day(20),
        caller: { phone: c1.phone, role: 'self', name: c1.name },
        text: `我被一个债务优化机构骗了服务费，对方电话${AGENCY_LINE}，说能帮我停息挂账。`,
      }),
    ],
  }
}

describe('campaign link', () => {
  const d = detectorWith([customer(1), customer(2)], smallAgency().contacts)
  const assess = (id: string) => d.assess(d.index.byId.get(id)!)

  it('carries the agency marks of one contact to the rest of the same push', () => {
    expect(assess('line-c2').signals.map((s) => s.code)).toContain('victim_link')
    for (const id of ['ticket-c2', 'regulator-c2']) {
      const a = assess(id)
      const link = a.signals.find((s) => s.code === 'campaign_link')
      expect(link, id).toBeDefined()
      expect(link?.evidence[0]).toMatchObject({ kind: 'contact', note: 'victim_link' })
      expect(['medium', 'high']).toContain(a.risk)
      expect(a.categories).toContain('proxy_in_consumer_name')
    }
  })

  it("never joins the customer's own complaint from the number on file", () => {
    const a = assess('own-earlier')
    expect(a.signals.map((s) => s.code)).not.toContain('campaign_link')
    expect(['none', 'low']).toContain(a.risk)
  })

  it('needs an anchor: without the victim report the push is no campaign link', () => {
    const quiet = detectorWith(
      [customer(1), customer(2)],
      smallAgency().contacts.filter((c) => c.contact_id !== 'victim'),
    )
    const a = quiet.assess(quiet.index.byId.get('ticket-c2')!)
    expect(a.signals.map((s) => s.code)).not.toContain('campaign_link')
  })
})
