import { describe, expect, it } from 'vitest'
import { phoneIdentifier } from '../links/identifier.js'
import { responseFindingsOf } from './response-findings.js'
import { screen } from './screen.js'
import { contact, customer, day, detectorWith } from './test-support/scenario.js'

const AGENCY_LINE = '17712345678'
/** A second line of the same agency: it spoke for one client only, so it has no fan-out of its own. */
const SIDE_LINE = '16598760001'

/**
 * An agency's main line speaks for four customers; for the first of them it also pushed a ticket and
 * a regulator complaint through a second number within days. That second number is known only
 * through the gang its client's campaign belongs to.
 */
function agencyBook() {
  const customers = Array.from({ length: 6 }, (_, i) => customer(i + 1))
  const calls = [1, 2, 3, 4].map((n) =>
    contact(`line-${n}`, {
      customer_id: `C${n}`,
      received_at: day(n),
      caller: { phone: AGENCY_LINE, role: 'agent', name: '李专员' },
      text: `我是${customers[n - 1]!.name}的代理人，客户已全权委托我们处理，要求停息挂账，只还本金，请勿再联系借款人本人。`,
    }),
  )
  const side = [
    contact('side-ticket', {
      customer_id: 'C1',
      channel: 'online_ticket',
      source: 'web',
      received_at: day(3, 15),
      caller: { phone: SIDE_LINE, role: 'friend', name: '小王' },
      text: '代朋友王建国投诉：贵司暴力催收，要求停息挂账、减免全部罚息，否则向金融监管总局投诉。',
    }),
    contact('side-regulator', {
      customer_id: 'C1',
      channel: 'regulator',
      source: '12378',
      received_at: day(5, 11),
      caller: { phone: SIDE_LINE, role: 'friend', name: '小王' },
      text: '消费者朋友来电反映：要求停息挂账、只还本金，并删除征信不良记录。',
    }),
  ]
  return { customers, contacts: [...calls, ...side] }
}

describe('screen', () => {
  it('names the category for a number known only through its gang', () => {
    const { customers, contacts } = agencyBook()
    const d = detectorWith(customers, contacts)
    const r = screen(d, { phone: '165 9876 0001', at: new Date('2026-03-08T02:00:00Z') })
    expect(r.signals.map((s) => s.code)).toEqual(['gang_link'])
    expect(r.risk).toBe('medium')
    expect(r.categories).toEqual(['proxy_in_consumer_name'])
    expect(r.recommended_script).toBe('suspected-agency')
    expect(r.reasons[0]?.en).toMatch(/suspected group G-/)
  })

  it('keeps the fan-out reasons for the main line, with the same category', () => {
    const { customers, contacts } = agencyBook()
    const d = detectorWith(customers, contacts)
    const r = screen(d, { phone: AGENCY_LINE, at: new Date('2026-03-08T02:00:00Z') })
    expect(r.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['fan_out', 'gang_link']))
    expect(r.risk).toBe('high')
    expect(r.categories).toContain('proxy_in_consumer_name')
  })

  it('does not hold a gang against the customer calling from their own number on file, and checks with them', () => {
    const { customers, contacts } = agencyBook()
    // The agency once had the customer call in from their own registered phone during the push.
    const own = contact('own-call', {
      customer_id: 'C1',
      received_at: day(4, 16),
      caller: { phone: customers[0]!.phone!, role: 'self', name: customers[0]!.name },
      participants: [{ phone: SIDE_LINE, role: 'friend', name: '小王' }],
      text: '客户本人来电，第三方在线，要求停息挂账。',
    })
    const d = detectorWith(customers, [...contacts, own])
    expect(d.gangOf(d.index.byId.get('own-call')!)).toBeDefined()
    const r = screen(d, { phone: customers[0]!.phone!, at: new Date('2026-03-20T02:00:00Z') })
    expect(r.customer_id).toBe('C1')
    expect(r.signals.map((s) => s.code)).not.toContain('gang_link')
    // The push is still the agency's: the customer on the line is the one to check with (the
    // script asks whether anyone acts for them and warns about fees), not to hold against.
    expect(r.signals.map((s) => s.code)).toContain('campaign_conduct')
    expect(['medium', 'high']).toContain(r.risk)
  })

  it('leaves a number nobody has seen alone', () => {
    const { customers, contacts } = agencyBook()
    const d = detectorWith(customers, contacts)
    const r = screen(d, { phone: '13900001111', at: new Date('2026-03-08T02:00:00Z') })
    expect(r).toMatchObject({ risk: 'none', categories: [], signals: [] })
    expect(r.recommended_script).toBe('standard-service')
  })

  it('lowers the risk of a representative the customer confirmed, for that customer only, and says why', () => {
    const { customers, contacts } = agencyBook()
    const d = detectorWith(customers, contacts)
    const at = new Date('2026-03-08T02:00:00Z')
    const before = screen(d, { phone: AGENCY_LINE, customerId: 'C2', at })
    expect(before.trusted_representative).toBeNull()
    responseFindingsOf(d.index).setOutcome('C2', lineKey(AGENCY_LINE), {
      outcome: 'confirmed',
      taskId: 'vt_c2',
      at: '2026-03-07T09:00:00.000Z',
    })
    const after = screen(d, { phone: AGENCY_LINE, customerId: 'C2', at })
    expect(after.trusted_representative).toMatchObject({ task_id: 'vt_c2' })
    expect(after.trusted_representative?.['zh-CN']).toContain('客户本人已确认授权')
    expect(after.reasons.map((r) => r.code)).toContain('customer_confirmed_representative')
    expect(weightOf(after, 'fan_out')).toBeLessThan(weightOf(before, 'fan_out'))
    expect(RISKS.indexOf(after.risk)).toBeLessThan(RISKS.indexOf(before.risk))
    // C3 never confirmed this number: the same call for C3 is screened as before.
    const other = screen(d, { phone: AGENCY_LINE, customerId: 'C3', at })
    expect(other.trusted_representative).toBeNull()
    expect(other.risk).toBe(before.risk)
  })

  it('names a representative the customer denied an unauthorised proxy', () => {
    const { customers, contacts } = agencyBook()
    const d = detectorWith(customers, contacts)
    responseFindingsOf(d.index).setOutcome('C5', lineKey(AGENCY_LINE), {
      outcome: 'denied',
      taskId: 'vt_c5',
      at: '2026-03-07T09:00:00.000Z',
    })
    const r = screen(d, {
      phone: AGENCY_LINE,
      customerId: 'C5',
      at: new Date('2026-03-08T02:00:00Z'),
    })
    expect(r.signals.map((s) => s.code)).toContain('customer_denied_authority')
    expect(r.categories).toContain('proxy_in_consumer_name')
    expect(r.trusted_representative).toBeNull()
    expect(r.reasons.find((x) => x.code === 'customer_denied_authority')?.en).toMatch(
      /unauthorised/,
    )
  })
})

const RISKS = ['none', 'low', 'medium', 'high']

function lineKey(phone: string): string {
  return phoneIdentifier(phone)?.identifier ?? ''
}

function weightOf(r: ReturnType<typeof screen>, code: string): number {
  return r.signals.find((s) => s.code === code)?.weight ?? 0
}
