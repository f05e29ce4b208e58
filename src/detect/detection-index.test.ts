import { describe, expect, it } from 'vitest'
import { contact, customer, day, detectorWith } from './test-support/scenario.js'

describe('detection index: which customer an unlinked contact is about', () => {
  const c1 = customer(1)
  const c2 = customer(2)

  it("resolves a regulator forward by the complainant's number on file", () => {
    const d = detectorWith(
      [c1, c2],
      [
        contact('forward', {
          channel: 'regulator',
          source: '12378',
          received_at: day(3),
          claimed: { name: c1.name },
          caller: {
            phone: `+86 ${c1.phone!.slice(0, 3)} ${c1.phone!.slice(3, 7)} ${c1.phone!.slice(7)}`,
            name: c1.name,
            role: 'self',
          },
          text: `【国家金融监督管理总局转办】消费者${c1.name}来电反映：再次反映收不到验证码。诉求：要求妥善处理。`,
        }),
      ],
    )
    expect(d.index.contacts[d.index.byId.get('forward')!]?.customerId).toBe('C1')
  })

  it('does not take a relative, or a caller giving another name, for the owner of the number', () => {
    const d = detectorWith(
      [c1, c2],
      [
        contact('relative', {
          received_at: day(3),
          caller: { phone: c1.phone, role: 'relative', relation_claimed: '丈夫', name: '黄志明' },
          text: '客户家属来电，询问妻子的还款日能否延后。',
        }),
        contact('other-name', {
          channel: 'online_ticket',
          source: 'web',
          received_at: day(4),
          caller: { phone: c2.phone, role: 'self', name: '郑雅文' },
          text: '问题类型：还款问题 问题描述：我的还款为什么没有到账？',
        }),
      ],
    )
    expect(d.index.contacts[d.index.byId.get('relative')!]?.customerId).toBeNull()
    expect(d.index.contacts[d.index.byId.get('other-name')!]?.customerId).toBeNull()
  })

  it('leaves a number on file for two customers unresolved', () => {
    const shared = customer(3, { phones_other: [c1.phone!] })
    const d = detectorWith(
      [c1, shared],
      [
        contact('shared', {
          channel: 'app_feedback',
          source: 'app',
          received_at: day(5),
          caller: { phone: c1.phone, role: 'self' },
          text: '页面一直打不开，怎么还款？',
        }),
      ],
    )
    expect(d.index.contacts[d.index.byId.get('shared')!]?.customerId).toBeNull()
  })
})
