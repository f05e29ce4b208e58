import { describe, expect, it } from 'vitest'
import { contact, customer, day, detectorWith, TEMPLATE } from './test-support/scenario.js'

const AGENT_PHONE = '17712345678'

function agencyBook() {
  const customers = Array.from({ length: 8 }, (_, i) => customer(i + 1))
  const calls = [1, 2, 3, 4].map((n) =>
    contact(`call-${n}`, {
      customer_id: `C${n}`,
      received_at: day(n),
      caller: { phone: AGENT_PHONE, role: 'self', name: customers[n - 1]!.name },
      text: '自称本人，要求停息挂账，只还本金。',
    }),
  )
  const letters = [5, 6, 7, 8].map((n) => {
    const c = customers[n - 1]!
    return contact(`letter-${n}`, {
      customer_id: c.customer_id,
      channel: 'regulator',
      source: '12378',
      received_at: day(n + 5),
      text: TEMPLATE(c.name!, c.id_number!, 10000 + n * 1234),
    })
  })
  return { customers, contacts: [...calls, ...letters] }
}

describe('detector', () => {
  it('flags a phone that claims to be four different customers and explains why', () => {
    const { customers, contacts } = agencyBook()
    const d = detectorWith(customers, contacts)
    const a = d.assess(d.index.byId.get('call-2')!)
    expect(a.risk === 'medium' || a.risk === 'high').toBe(true)
    expect(a.categories).toContain('proxy_in_consumer_name')
    const codes = a.signals.map((s) => s.code)
    expect(codes).toEqual(expect.arrayContaining(['impersonation', 'fan_out']))
    const imp = a.signals.find((s) => s.code === 'impersonation')!
    expect(imp.explanation['zh-CN']).toContain('4 位不同客户')
    expect(imp.evidence[0]).toMatchObject({ kind: 'identifier', id: 'phone:+8617712345678' })
    expect(a.gang_id).toMatch(/^G-/)
    expect(a.rules_version).toBe(d.rules.version)
  })

  it('finds a template letter filled in for four customers, puts them in one gang', () => {
    const { customers, contacts } = agencyBook()
    const d = detectorWith(customers, contacts)
    const letters = [5, 6, 7, 8].map((n) => d.assess(d.index.byId.get(`letter-${n}`)!))
    for (const a of letters) {
      expect(a.signals.map((s) => s.code)).toContain('template_text')
      expect(a.risk).not.toBe('none')
      expect(a.risk).not.toBe('low')
    }
    expect(new Set(letters.map((a) => a.gang_id)).size).toBe(1)
  })

  it('leaves a customer calling from a new phone, and one genuine relative, unflagged', () => {
    const customers = [customer(1), customer(2)]
    const contacts = [
      contact('new-phone', {
        customer_id: 'C1',
        caller: { phone: '18688886666', role: 'self', name: customers[0]!.name },
        text: '我换了新手机号，想确认一下这个月的还款金额，能不能协商还款？',
      }),
      contact('mother', {
        customer_id: 'C2',
        caller: {
          phone: '13911112222',
          role: 'relative',
          relation_claimed: '母亲',
          name: '黄桂兰',
        },
        text: '我儿子住院了，想问能不能延期几天还款。',
      }),
    ]
    const d = detectorWith(customers, contacts)
    for (const id of ['new-phone', 'mother']) {
      const a = d.assess(d.index.byId.get(id)!)
      expect(['none', 'low']).toContain(a.risk)
      expect(a.categories).toEqual([])
      expect(a.severity).toBeNull()
      expect(a.gang_id).toBeNull()
    }
  })

  it('links the phone a victim reported to the contacts that phone made, and serves the victim', () => {
    const customers = [customer(1), customer(2), customer(3)]
    const contacts = [
      contact('agent-1', {
        customer_id: 'C1',
        received_at: day(1),
        caller: { phone: '15012340000', role: 'friend' },
      }),
      contact('victim', {
        customer_id: 'C2',
        channel: 'victim_report',
        received_at: day(9),
        caller: { phone: customers[1]!.phone!, role: 'self' },
        text: '我被一个自称债务优化的机构骗了3000元服务费，对方电话150 1234 0000，微信 youhua888，说能帮我停息挂账。',
      }),
    ]
    const d = detectorWith(customers, contacts)
    const agent = d.assess(d.index.byId.get('agent-1')!)
    expect(agent.signals.map((s) => s.code)).toContain('victim_link')
    expect(agent.severity).toBe('level1')
    const victim = d.assess(d.index.byId.get('victim')!)
    expect(victim).toMatchObject({
      risk: 'none',
      categories: [],
      recommended_action: 'victim-support',
    })
  })

  it('raises earlier contacts when a later one makes the picture clear', () => {
    const customers = Array.from({ length: 5 }, (_, i) => customer(i + 1))
    const first = [
      contact('k1', {
        customer_id: 'C1',
        received_at: day(1),
        caller: { phone: '16600001111', role: 'agent' },
      }),
      contact('k2', {
        customer_id: 'C2',
        received_at: day(2),
        caller: { phone: '16600001111', role: 'agent' },
      }),
    ]
    const d = detectorWith(customers, first)
    expect(['none', 'low']).toContain(d.assess(0).risk)
    d.index.addContact(
      contact('k3', {
        customer_id: 'C3',
        received_at: day(3),
        caller: { phone: '16600001111', role: 'agent' },
      }),
    )
    d.invalidate()
    expect(['medium', 'high']).toContain(d.assess(0).risk)
  })
})
