import { describe, expect, it } from 'vitest'
import type { Contact, Customer } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const ASKS = [
  '活动页面写的首借免息，为什么收了利息？退给我。',
  '抽奖中的88元还款券不见了，请补发。',
  '邀请好友奖励没发放，请尽快处理。',
]

function ask(id: string, n: number, device: string, ip: string, d: number): Contact {
  return contact(id, {
    customer_id: `C${n}`,
    channel: 'app_feedback',
    source: 'app',
    received_at: day(d),
    caller: { role: 'self' },
    text: ASKS[n % ASKS.length],
    demands: ['退还费用'],
    network: { device_id: device, ip },
  })
}

const customers: Customer[] = Array.from({ length: 40 }, (_, i) => customer(i + 1))

describe('promotion abuse', () => {
  it('finds a ring that spreads nine accounts over three phones meeting on two IPs', () => {
    const devices = ['a1b2c3d4e5f60718', 'b2c3d4e5f6071829', 'c3d4e5f60718293a']
    const ips = ['124.51.155.157', '58.200.140.131']
    const contacts = Array.from({ length: 9 }, (_, i) =>
      ask(`ring-${i}`, i + 1, devices[i % 3]!, ips[i % 2]!, 1 + i),
    )
    const d = detectorWith(customers, contacts)
    for (const c of contacts) {
      const a = d.assess(d.index.byId.get(c.contact_id)!)
      const s = a.signals.find((x) => x.code === 'promotion_abuse')
      expect(s?.explanation.en).toContain('9 accounts asking for compensation')
      expect(['medium', 'high']).toContain(a.risk)
      expect(a.categories).toEqual(['promotion_abuse'])
    }
  })

  it('leaves households that share a tablet behind one carrier NAT alone', () => {
    // Four households, two accounts each on their own tablet, and a stranger on their own phone, all
    // asking for refunds through the same carrier NAT address (below the one-IP threshold).
    const nat = '36.112.40.9'
    const households = Array.from({ length: 8 }, (_, i) =>
      ask(
        `home-${i}`,
        i + 1,
        `d0d0d0d0d0d0d0${String(Math.floor(i / 2)).padStart(2, '0')}`,
        nat,
        1 + i,
      ),
    )
    const stranger = ask('stranger', 20, 'e1e1e1e1e1e1e1e1', nat, 3)
    const d = detectorWith(customers, [...households, stranger])
    for (const c of [...households, stranger]) {
      const a = d.assess(d.index.byId.get(c.contact_id)!)
      expect(a.signals.map((x) => x.code)).not.toContain('promotion_abuse')
      expect(['none', 'low']).toContain(a.risk)
    }
  })

  it('counts only the accounts that ask for money: a family tablet of five with one asking is no ring', () => {
    const tablet = '297061edc0ffee11'
    const quiet = [1, 2, 3, 4].map((n) =>
      contact(`relative-${n}`, {
        customer_id: `C${n}`,
        channel: 'app_feedback',
        source: 'app',
        received_at: day(n),
        caller: { role: 'self' },
        text: ['额度怎么没了', '还款日能不能改一下', '页面一直打不开', '怎么修改银行卡'][n - 1],
        network: { device_id: tablet, ip: '59.207.163.27' },
      }),
    )
    const asking = [10, 12, 13].map((d, i) => ask(`asks-${i}`, 5, tablet, '122.223.16.21', d))
    const dd = detectorWith(customers, [...quiet, ...asking])
    for (const c of asking) {
      const a = dd.assess(dd.index.byId.get(c.contact_id)!)
      expect(a.signals.map((x) => x.code)).not.toContain('promotion_abuse')
    }
  })

  it('needs a ring of several phones: one device of four accounts is not one', () => {
    const contacts = Array.from({ length: 4 }, (_, i) =>
      ask(`four-${i}`, i + 1, 'f0f0f0f0f0f0f0f0', '117.71.126.216', 1 + i),
    )
    const d = detectorWith(customers, contacts)
    const a = d.assess(d.index.byId.get('four-0')!)
    expect(a.signals.map((x) => x.code)).not.toContain('promotion_abuse')
  })
})
