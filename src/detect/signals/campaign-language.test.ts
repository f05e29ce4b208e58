import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const LETTER = (name: string) =>
  `停息挂账申请书 申请人${name}，系贵司借款客户。本人因失业暂时丧失还款能力。贵司以会员费、担保费名义变相收取砍头息。现要求贵司：一、停息挂账，减免全部利息、罚息及违约金；二、只还本金，剩余本金分60期偿还；三、修复本人征信，删除不良记录。若贵司不予处理，本人将向金融监管总局、人民银行逐级投诉，并向媒体曝光。`

/** A push through a ticket, a letter and calls, the written ones in the agencies' full vocabulary. */
function push(extra: Contact[]): Contact[] {
  const c = customer(1)
  return [
    contact('letter', {
      customer_id: 'C1',
      channel: 'letter',
      source: 'express',
      received_at: day(2),
      caller: { role: 'self', name: c.name },
      text: LETTER(c.name!),
    }),
    contact('ticket', {
      customer_id: 'C1',
      channel: 'online_ticket',
      source: 'web',
      received_at: day(4),
      caller: { phone: '17012340000', role: 'self', name: c.name },
      text: LETTER(c.name!),
    }),
    ...extra,
  ]
}

describe('campaign language', () => {
  const c = customer(1)

  it('takes in a plain call of the same push from a number not on file', () => {
    const call = contact('plain-call', {
      customer_id: 'C1',
      received_at: day(6),
      caller: { phone: '15598760000', role: 'self', name: c.name },
      text: '客户来电，询问上次反映的事情处理进度。来电号码非预留号码，核实姓名、身份证号一致。',
    })
    const d = detectorWith([c], push([call]))
    const a = d.assess(d.index.byId.get('plain-call')!)
    const s = a.signals.find((x) => x.code === 'campaign_language')
    expect(s?.explanation.en).toContain('this one too is not the customer')
    expect(['medium', 'high']).toContain(a.risk)
  })

  it("leaves the customer's own plain call from the number on file out of the vocabulary count", () => {
    const call = contact('own-call', {
      customer_id: 'C1',
      received_at: day(6),
      caller: { phone: c.phone, role: 'self', name: c.name },
      text: '客户来电，询问上次反映的事情处理进度。来电号码为预留号码。',
    })
    const d = detectorWith([c], push([call]))
    const a = d.assess(d.index.byId.get('own-call')!)
    expect(a.signals.map((x) => x.code)).not.toContain('campaign_language')
    // The written contacts that speak the vocabulary still carry it.
    const t = d.assess(d.index.byId.get('ticket')!)
    expect(t.signals.map((x) => x.code)).toContain('campaign_language')
  })

  it('leaves out a customer who repeats their own demands from their own number and on a public board', () => {
    const words =
      '我刚生了孩子，老公一个人上班，家里实在周转不开。能不能只还本金，利息实在还不起了，申请停息挂账。再不处理我就打12378投诉，向金融监管总局投诉。'
    const own = (id: string, channel: Contact['channel'], at: number, text: string) =>
      contact(id, {
        customer_id: 'C1',
        channel,
        source: channel === 'social' ? 'heimao' : 'web',
        received_at: day(at),
        caller:
          channel === 'social'
            ? { role: 'unknown', name: '黑猫用户78712' }
            : { phone: c.phone, role: 'self', name: c.name },
        text,
      })
    const d = detectorWith(
      [c],
      [
        own('t1', 'online_ticket', 1, words),
        own('t2', 'online_ticket', 3, `还没处理？？？${words}`),
        own('board', 'social', 4, `为什么还不给我解决${words}`),
      ],
    )
    for (const id of ['t1', 't2', 'board']) {
      const a = d.assess(d.index.byId.get(id)!)
      expect(a.signals.map((x) => x.code)).not.toContain('campaign_language')
    }
    // The same pushes with a stranger's number on one of them are a campaign again.
    const withStranger = detectorWith(
      [c],
      [
        own('t1', 'online_ticket', 1, words),
        { ...own('t2', 'online_ticket', 3, words), caller: { phone: '15598760000', role: 'self' } },
        own('board', 'social', 4, words),
      ],
    )
    const t1 = withStranger.assess(withStranger.index.byId.get('t1')!)
    expect(t1.signals.map((x) => x.code)).toContain('campaign_language')
  })
})
