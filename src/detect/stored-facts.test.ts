import { describe, expect, it } from 'vitest'
import type { Contact } from '../contract/index.js'
import { contactFacts, StoredFacts } from './contact-facts.js'
import type { ContactFacts } from './contact-facts.js'

const FIELDS = Object.keys(
  contactFacts(0, {
    contact_id: 'k',
    channel: 'call',
    received_at: '2026-03-01T10:00:00+08:00',
  }),
) as (keyof ContactFacts)[]

const read = (f: ContactFacts) => Object.fromEntries(FIELDS.map((k) => [k, f[k]]))

const letter: Contact = {
  contact_id: 'CT-1',
  customer_id: 'CF-1',
  channel: 'letter',
  received_at: '2026-03-02T09:30:00+08:00',
  caller: { role: 'agent', phone: '13800138000', name: '李四', organization: '某某债务优化中心' },
  participants: [{ role: 'agent', phone: '13900139000' }],
  attachments: [{ kind: 'poa', sha256: 'AB'.repeat(32) }],
  demands: ['停息挂账'],
  text: '本人已全权委托代理人处理，请勿再联系借款人本人，联系电话 13700137000。',
}

describe('StoredFacts', () => {
  it('reads back every fact of a contact with a third party, an attachment and a refusal', () => {
    const plain = contactFacts(3, letter)
    expect(plain.participants.length).toBe(1)
    expect(read(new StoredFacts(plain))).toEqual(read(plain))
  })

  it('keeps links past what fits packed, in order, and one copy of each identifier', () => {
    const plain = contactFacts(4, letter)
    const roles = ['caller', 'device', 'participant', 'attachment', 'organization'] as const
    const links = Array.from({ length: 13 }, (_, k) => ({
      identifier: `device:${k}`,
      role: roles[k % roles.length] as (typeof roles)[number],
    }))
    const many = new StoredFacts({ ...plain, links, callerPhone: 'device:2' })
    expect(many.links).toEqual(links)
    const kept = new Map<string, string>()
    many.keepIdentifiers((id) => {
      const copy = `${id}`.slice(0)
      kept.set(id, copy)
      return copy
    })
    expect(many.links.map((l) => l.identifier)).toEqual(links.map((l) => l.identifier))
    expect(many.links.map((l) => l.role)).toEqual(links.map((l) => l.role))
    expect(kept.size).toBe(13)

    const one = new StoredFacts({
      ...plain,
      links: [{ identifier: 'phone:+8613800138000', role: 'caller' }],
    })
    expect(one.links).toEqual([{ identifier: 'phone:+8613800138000', role: 'caller' }])
    const none = new StoredFacts({ ...plain, links: [] })
    expect(none.links).toEqual([])
  })

  it('shares the empty record of rare facts: a plain call reads as having none', () => {
    const call = contactFacts(5, {
      contact_id: 'CT-2',
      customer_id: 'CF-2',
      channel: 'call',
      received_at: '2026-03-03T09:30:00+08:00',
      caller: { role: 'self', phone: '13600136000' },
    })
    const stored = new StoredFacts(call)
    expect(read(stored)).toEqual(read(call))
    expect(stored.participants).toBe(new StoredFacts(call).participants)
    expect(stored.refusal).toBeNull()
  })
})
