import { describe, expect, it } from 'vitest'
import type { Contact } from '../contract/index.js'
import { contact, customer, day, detectorWith } from './test-support/scenario.js'

const AGENCY_LINE = '17712345678'
const FAMILY_TABLET = 'DA8A4DF4-0C1E-4B7A-9F31-5D2C8E6A1B90'

/** An agency's line speaks for four clients; it filed one client's ticket from the family tablet. */
function book(): Contact[] {
  const line = [1, 2, 3, 4].map((n) =>
    contact(`line-${n}`, {
      customer_id: `C${n}`,
      received_at: day(n),
      caller: { phone: AGENCY_LINE, role: 'agent', name: '李专员' },
      text: '客户已全权委托我们处理，要求停息挂账，只还本金，请勿再联系借款人本人。',
    }),
  )
  const ticket = contact('client-ticket', {
    customer_id: 'C1',
    channel: 'online_ticket',
    source: 'web',
    received_at: day(2, 15),
    caller: { role: 'self' },
    text: '本人已全权委托代理人处理，要求停息挂账、只还本金、减免全部罚息，请勿再联系借款人本人。',
    network: { device_id: FAMILY_TABLET, ip: '49.134.160.150' },
  })
  // The client's wife and brother use the same tablet for their own loans, in their own words.
  const family = [5, 6].map((n, i) =>
    contact(`family-${n}`, {
      customer_id: `C${n}`,
      channel: 'app_feedback',
      source: 'app',
      received_at: day(10 + i),
      caller: { role: 'self' },
      text: '在吗？上周有个自称你们平台的催收给我打电话，说话很难听。我会还款的，能不能宽限几天？',
      network: { device_id: FAMILY_TABLET, ip: '110.49.0.33' },
    }),
  )
  return [...line, ticket, ...family]
}

describe('gangs', () => {
  const d = detectorWith(
    Array.from({ length: 6 }, (_, i) => customer(i + 1)),
    book(),
  )
  const gang = (id: string) => d.gangOf(d.index.byId.get(id)!)

  it('joins the ticket the agency filed for its client', () => {
    expect(gang('client-ticket')?.id).toBe(gang('line-1')?.id)
    expect(gang('line-1')?.customers).toBe(4)
  })

  it("does not pull a client's family in through their shared tablet", () => {
    for (const id of ['family-5', 'family-6']) {
      expect(gang(id)).toBeUndefined()
      const a = d.assess(d.index.byId.get(id)!)
      expect(a.signals.map((s) => s.code)).not.toContain('gang_link')
      expect(['none', 'low']).toContain(a.risk)
    }
  })

  it('links through a watch-listed device as of its contacts, not as of the day gangs are worked out', () => {
    // Three customers' tickets from one device (too few for a device's fan-out on its own), which
    // was on the watchlist in March and has expired since.
    const device = '5F0C2B9E-7A41-4D3C-9E8B-2C6A1F0D4B77'
    const tickets = [1, 2, 3].map((n) =>
      contact(`listed-${n}`, {
        customer_id: `C${n}`,
        channel: 'online_ticket',
        source: 'web',
        received_at: day(n),
        caller: { role: 'self' },
        text: '我要投诉，你们的利息太高了，请尽快处理。',
        network: { device_id: device },
      }),
    )
    const customers = [1, 2, 3].map((n) => customer(n))
    const entry = {
      kind: 'device_id' as const,
      value: device,
      label: '代理机构办公设备',
      source: 'investigation',
      added_at: '2026-02-01T00:00:00+08:00',
    }
    const gangsWith = (listed: typeof entry & { expires_at?: string }) => {
      const d = detectorWith(customers, tickets)
      d.index.watchlist.add(listed)
      d.invalidate()
      return tickets.map((_, i) => d.gangOf(i)?.id ?? null)
    }
    const expired = gangsWith({ ...entry, expires_at: '2026-04-01T00:00:00+08:00' })
    expect(expired[0]).not.toBeNull()
    expect(new Set(expired).size).toBe(1)
    // An entry that had expired before these tickets came: no gang through it.
    expect(gangsWith({ ...entry, expires_at: '2026-02-15T00:00:00+08:00' })).toEqual([
      null,
      null,
      null,
    ])
  })

  it('does not let one customer flooding in agency words outvote the household they share a device with', () => {
    const tablet = '6763ad602f2ddb94'
    const customers = [1, 2, 3].map((n) => customer(n))
    const words =
      '我今年被公司裁员了，一直没找到工作，这几个月实在还不上，听说可以申请停息挂账，只还本金，我想申请一下。'
    const flood = [1, 3, 5, 8, 12].map((d, i) =>
      contact(`flood-${i}`, {
        customer_id: 'C1',
        channel: 'online_ticket',
        source: ['web', 'wechat_mp', 'mini_program'][i % 3],
        received_at: day(d),
        caller: { phone: customers[0]!.phone, role: 'self' },
        demands: ['只还本金', '协商还款'],
        text: i ? `再次投诉！${words}` : words,
        network: { device_id: tablet },
      }),
    )
    const family = [2, 3].map((n) =>
      contact(`family-${n}`, {
        customer_id: `C${n}`,
        channel: 'app_feedback',
        source: 'app',
        received_at: day(10 + n),
        caller: { phone: customers[n - 1]!.phone, role: 'self' },
        text: '借款被强制买了会员，请退还会员费。',
        network: { device_id: tablet },
      }),
    )
    const d = detectorWith(customers, [...flood, ...family])
    for (const i of d.index.contacts.keys()) expect(d.gangOf(i)).toBeUndefined()
  })
})
