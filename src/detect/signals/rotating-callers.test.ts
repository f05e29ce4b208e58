import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const codes = (d: ReturnType<typeof detectorWith>, id: string) =>
  d.assess(d.index.byId.get(id)!).signals.map((s) => s.code)
const risk = (d: ReturnType<typeof detectorWith>, id: string) =>
  d.assess(d.index.byId.get(id)!).risk

/** An agency rotating its lines every few days, answering as the customer on each. */
function rotatedPush(): Contact[] {
  const c = customer(1)
  return [
    contact('r-call-1', {
      customer_id: 'C1',
      received_at: day(2),
      caller: { phone: '17055512301', role: 'self', name: c.name },
      text: '客户来电，称其因公司裁员失业无力还款，要求分期还款、减免罚息。来电号码非预留号码，核实姓名、身份证号一致。',
    }),
    contact('r-ticket', {
      customer_id: 'C1',
      channel: 'online_ticket',
      source: 'web',
      received_at: day(6),
      caller: { phone: '16588840022', role: 'self', name: c.name },
      text: '问题类型：协商还款 问题描述：本人因失业暂时无力还款，请求分期。',
    }),
    contact('r-regulator', {
      customer_id: 'C1',
      channel: 'regulator',
      source: '12378',
      received_at: day(9),
      caller: { phone: '19233307788', role: 'self', name: c.name },
      text: `【国家金融监督管理总局转办】消费者${c.name}来电反映：其因失业无力偿还借款，诉求：分期还款。`,
    }),
  ]
}

describe('rotating callers', () => {
  it('flags a push answered as the customer from three numbers none of which is on file', () => {
    const d = detectorWith([customer(1)], rotatedPush())
    for (const id of ['r-call-1', 'r-ticket', 'r-regulator']) {
      const a = d.assess(d.index.byId.get(id)!)
      const rot = a.signals.find((s) => s.code === 'rotating_callers')
      expect(rot?.explanation.en).toContain('3 numbers not on file')
      expect(rot?.evidence.filter((e) => e.kind === 'identifier')).toHaveLength(3)
      expect(['medium', 'high']).toContain(a.risk)
      expect(a.categories).toEqual(
        expect.arrayContaining(['proxy_in_consumer_name', 'orchestrated_repeat_complaints']),
      )
    }
  })

  it('leaves two unknown numbers alone when nothing else is going on', () => {
    const d = detectorWith([customer(1)], rotatedPush().slice(0, 2))
    expect(codes(d, 'r-call-1')).toContain('rotating_callers')
    expect(['none', 'low']).toContain(risk(d, 'r-call-1'))
    expect(['none', 'low']).toContain(risk(d, 'r-ticket'))
  })

  it('does not count a new phone, the number on file and a relative as rotation', () => {
    const c = customer(1)
    const d = detectorWith(
      [c],
      [
        contact('own', {
          customer_id: 'C1',
          received_at: day(2),
          caller: { phone: c.phone, role: 'self', name: c.name },
          text: '客户来电，反映协商还款，这个月还不上，想延期几天。来电号码为预留号码。',
        }),
        contact('new-phone', {
          customer_id: 'C1',
          channel: 'app_feedback',
          source: 'app',
          received_at: day(5),
          caller: { phone: '18612340000', role: 'self', name: c.name },
          text: '我换了新手机号，之前的号码停用了，请帮我更新一下联系方式，还款日能不能往后推几天？',
        }),
        contact('mother', {
          customer_id: 'C1',
          received_at: day(8),
          caller: {
            phone: '13911112222',
            role: 'relative',
            relation_claimed: '母亲',
            name: '黄桂兰',
          },
          text: '客户母亲来电，称儿子住院，想问能否延期还款。',
        }),
      ],
    )
    for (const id of ['own', 'new-phone', 'mother']) {
      expect(codes(d, id)).not.toContain('rotating_callers')
      expect(['none', 'low']).toContain(risk(d, id))
    }
  })

  it('screens a further unknown number for that customer as part of the rotation', async () => {
    const { screen } = await import('../screen.js')
    const d = detectorWith([customer(1)], rotatedPush().slice(0, 2))
    const r = screen(d, {
      phone: '15066600011',
      customerId: 'C1',
      at: new Date('2026-03-10T02:00:00Z'),
    })
    expect(r.signals.map((s) => s.code)).toContain('rotating_callers')
    expect(r.reasons.find((x) => x.code === 'rotating_callers')?.en).toContain('3 numbers')
  })
})
