import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const GRIEVANCE = '我的征信显示逾期，可那次是你们扣款失败造成的，请给我开结清证明并更正征信。'

/** One customer repeating one complaint: calls from the phone on file and anonymous board posts. */
function flood(): Contact[] {
  const c = customer(1)
  const call = (n: number, d: number): Contact =>
    contact(`call-${n}`, {
      customer_id: 'C1',
      received_at: day(d),
      caller: { phone: c.phone, role: 'self', name: c.name },
      text: `客户来电，再次反映：${GRIEVANCE}来电号码为预留号码。`,
    })
  const post = (n: number, d: number): Contact =>
    contact(`post-${n}`, {
      customer_id: 'C1',
      channel: 'social',
      source: 'heimao',
      received_at: day(d),
      caller: { name: `黑猫用户${4580 + n}`, role: 'unknown' },
      text: `【投诉对象】长盈消金【投诉问题】征信问题 第${n + 1}次投诉了！${GRIEVANCE}`,
    })
  return [call(1, 2), post(1, 4), post(2, 7), call(2, 9), call(3, 12)]
}

describe('self flood', () => {
  it('counts anonymous board posts about the customer toward the complaint order', () => {
    const d = detectorWith([customer(1)], flood())
    const risk = (id: string) => d.assess(d.index.byId.get(id)!)
    for (const id of ['call-1', 'post-1', 'post-2'])
      expect(['none', 'low']).toContain(risk(id).risk)
    for (const id of ['call-2', 'call-3']) {
      const a = risk(id)
      expect(a.signals.map((s) => s.code)).toContain('self_flood')
      expect(a.categories).toEqual(['complaint_order_violation'])
    }
  })

  it('does not count what someone else sent for the customer', () => {
    const contacts = flood().map((c) =>
      c.channel === 'social'
        ? { ...c, caller: { phone: '17700001111', role: 'friend' as const, name: '小王' } }
        : c,
    )
    const d = detectorWith([customer(1)], contacts)
    const a = d.assess(d.index.byId.get('call-2')!)
    expect(a.signals.map((s) => s.code)).not.toContain('self_flood')
  })
})
