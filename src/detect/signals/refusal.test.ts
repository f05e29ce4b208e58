import { describe, expect, it } from 'vitest'
import { contact, customer, detectorWith } from '../test-support/scenario.js'

const c = customer(3)

function signalsOf(text: string): string[] {
  const call = contact('call', {
    customer_id: c.customer_id,
    caller: { phone: '15598760000', role: 'relative', relation_claimed: '堂弟' },
    text,
  })
  const d = detectorWith([c], [call])
  return d.assess(d.index.byId.get('call')!).signals.map((s) => s.code)
}

describe('refusal', () => {
  it("is read from the caller's own words and from the agent's call note alike", () => {
    expect(signalsOf('请勿再联系借款人本人，一切事宜由代理人处理。')).toContain('refusal')
    expect(
      signalsOf('来电人自称客户的堂弟，称客户因疫情无力还款。拒绝我司直接联系客户本人。'),
    ).toContain('refusal')
    expect(signalsOf('来电人要求我司与其对接，不同意回拨客户本人。')).toContain('refusal')
  })

  it('is not read into a relative who only passes on a message', () => {
    expect(
      signalsOf(
        '来电人自称客户的堂弟，称客户住院，已告知需客户本人来电或提供授权材料，来电人表示理解。',
      ),
    ).not.toContain('refusal')
  })
})
