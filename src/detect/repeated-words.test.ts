import { describe, expect, it } from 'vitest'
import { clausesOf, RepeatedWords } from './repeated-words.js'
import { contact, customer, day, detectorWith } from './test-support/scenario.js'

const DAY = 86_400_000
const OWN =
  '我在银行办房贷，查征信发现你们上报了一次逾期，但那次是你们扣款失败造成的。银行说需要你们出具证明。请尽快更正征信记录。'
const REPEAT = '又来了，我在银行办房贷，查征信发现你们上报了一次逾期，但那次是你们扣款失败造成的。'

describe('repeated words', () => {
  it('tells whose own recent complaint a post repeats, and forgets it after the window', () => {
    const w = new RepeatedWords(30 * DAY)
    w.add('C1', 0, clausesOf(OWN))
    w.add(
      'C2',
      DAY,
      clausesOf('催收人员每天给我紧急联系人打电话，严重影响家人生活，要求停止骚扰。'),
    )
    expect(w.resolve(clausesOf(REPEAT))).toBe('C1')
    expect(w.resolve(clausesOf('请尽快处理，谢谢。我在银行办房贷。'))).toBeNull()
    w.add('C3', 40 * DAY, clausesOf('额度审批一直不通过，综合评分不足，请解释原因。'))
    expect(w.resolve(clausesOf(REPEAT))).toBeNull()
  })

  it('never resolves words two customers share: common wording or a template', () => {
    const w = new RepeatedWords(30 * DAY)
    w.add('C1', 0, clausesOf(OWN))
    w.add('C2', DAY, clausesOf(OWN))
    expect(w.resolve(clausesOf(REPEAT))).toBeNull()
  })

  it("counts an anonymous board post in the customer's own repeats, but not one claimed for someone else", () => {
    const c1 = customer(1)
    const own = (id: string, n: number) =>
      contact(id, {
        customer_id: 'C1',
        channel: 'online_ticket',
        source: 'web',
        received_at: day(n),
        caller: { phone: c1.phone, role: 'self', name: c1.name },
        text: OWN,
      })
    const post = (id: string, n: number, claimed?: string) =>
      contact(id, {
        channel: 'social',
        source: 'heimao',
        received_at: day(n),
        caller: { name: '黑猫用户7296483', role: 'unknown' },
        ...(claimed ? { claimed: { name: claimed } } : {}),
        text: REPEAT,
      })
    const d = detectorWith([c1], [own('t1', 1), post('p1', 3), post('p2', 5, '陈欣霞')])
    expect(d.index.contacts[d.index.byId.get('p1')!]?.customerId).toBe('C1')
    expect(d.index.contacts[d.index.byId.get('p2')!]?.customerId).toBeNull()
  })
})
