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
})
