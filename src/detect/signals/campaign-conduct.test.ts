import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const C1 = customer(1)
const CERTIFICATE = { kind: 'medical' as const, sha256: 'a'.repeat(64), filename: '诊断证明.jpg' }

/** A push for C1 over a week through three channels; `stranger` decides who rings on day 1. */
function push(stranger: boolean, certificateOn = 4): Contact[] {
  return [
    contact('call', {
      customer_id: 'C1',
      received_at: day(1),
      caller: stranger
        ? { phone: '16612345000', role: 'self', name: C1.name }
        : { phone: C1.phone, role: 'self', name: C1.name },
      text: '来电人自称客户本人，因失业无力还款，要求分期还款，减免罚息。',
    }),
    contact('letter', {
      customer_id: 'C1',
      channel: 'letter',
      source: 'post',
      received_at: day(certificateOn),
      text: `本人${C1.name}因病住院，无力偿还借款，附诊断证明，请求分期还款。`,
      attachments: [CERTIFICATE],
    }),
    contact('ticket', {
      customer_id: 'C1',
      channel: 'online_ticket',
      source: 'web',
      received_at: day(6),
      text: '问题描述：本人因病失业无力还款，请求分期还款，减免罚息。',
    }),
  ]
}

const codesOf = (contacts: Contact[], id: string) => {
  const d = detectorWith([C1], contacts)
  const a = d.assess(d.index.byId.get(id)!)
  return { codes: a.signals.map((s) => s.code), a }
}

describe('campaign conduct', () => {
  it('sees a stranger on the line and a hardship certificate in one multi-channel push', () => {
    const { codes, a } = codesOf(push(true), 'ticket')
    expect(codes).toContain('campaign_conduct')
    const s = a.signals.find((x) => x.code === 'campaign_conduct')
    expect(s?.explanation['zh-CN']).toContain('非本人代为出面')
    expect(s?.explanation['zh-CN']).toContain('附困难证明')
    expect(s?.evidence.map((e) => e.id).sort()).toEqual(['call', 'letter'])
    expect(a.categories).toContain('orchestrated_repeat_complaints')
  })

  it("never counts the customer's own words and papers alone", () => {
    const { codes, a } = codesOf(push(false), 'ticket')
    expect(codes).not.toContain('campaign_conduct')
    expect(['none', 'low']).toContain(a.risk)
  })

  it('counts only what came up to the contact: the earlier contacts stay the consumer’s', () => {
    const { codes } = codesOf(push(true, 5), 'call')
    expect(codes).not.toContain('campaign_conduct')
  })
})
