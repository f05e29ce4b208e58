import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

/** A carrier's shared address: seven customers wrote through it, four of them in agency words. */
const SHARED_IP = '223.104.63.18'
const customers = Array.from({ length: 7 }, (_, i) => customer(i + 1))

function throughSharedIp(n: number, text: string, over: Partial<Contact> = {}): Contact {
  const c = customers[n - 1]!
  return contact(`ip-${n}`, {
    customer_id: c.customer_id,
    channel: 'online_ticket',
    source: 'web',
    received_at: day(n),
    caller: { phone: c.phone, role: 'self', name: c.name },
    network: { ip: SHARED_IP },
    text,
    ...over,
  })
}

const AGENCY_WORDS =
  '申请停息挂账，只还本金，减免全部罚息，修复征信。请勿再联系借款人本人，一切事宜由代理人处理。'
const OWN_WORDS =
  '你们的催收人员给我的家人和同事打电话，说话带脏字，我保留了录音，希望你们管管外包催收。'

describe('fan-out on a network many share', () => {
  const contacts = [
    ...[1, 2, 3, 4].map((n) => throughSharedIp(n, AGENCY_WORDS)),
    ...[5, 6].map((n) => throughSharedIp(n, '请问提前还款有没有手续费？')),
    throughSharedIp(7, OWN_WORDS),
  ]

  it('does not count against a customer writing as themselves from their own number', () => {
    const d = detectorWith(customers, contacts)
    const own = d.assess(d.index.byId.get('ip-7')!)
    expect(own.signals.map((s) => s.code)).not.toContain('fan_out')
  })

  it('still counts for a contact through it that speaks for the customer in agency words', () => {
    const d = detectorWith(customers, contacts)
    const agency = d.assess(d.index.byId.get('ip-4')!)
    const hit = agency.signals.find((s) => s.code === 'fan_out')
    expect(hit?.explanation.en).toContain('one ip spoke for 7 different customers')
  })
})
