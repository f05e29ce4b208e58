// A small book for the gang tests: an agency's line speaking for four clients (one ticket filed
// from a client's family tablet), a second agency on WeChat with a reused hardship certificate,
// and a genuine customer calling from her own phone.
import type { Contact, Customer } from '../contract/index.js'
import type { Detector } from '../detect/detector.js'
import { contact, customer, day, detectorWith } from '../detect/test-support/scenario.js'

export const AGENCY_LINE = '17712345678'
export const FAMILY_TABLET = 'DA8A4DF4-0C1E-4B7A-9F31-5D2C8E6A1B90'
export const AGENCY_WECHAT = 'shangan_helper88'
export const CERTIFICATE = 'a'.repeat(63) + 'b'
const ASK = '客户已全权委托我们处理，要求停息挂账，只还本金，请勿再联系借款人本人。'

export function lineContact(n: number, customerN: number, at = day(n)): Contact {
  return contact(`line-${n}`, {
    customer_id: `C${customerN}`,
    received_at: at,
    caller: { phone: AGENCY_LINE, role: 'agent', name: '李专员', organization: '安心债务优化中心' },
    text: ASK,
  })
}

export function wechatContact(n: number, customerN: number): Contact {
  return contact(`wx-${n}`, {
    customer_id: `C${customerN}`,
    channel: 'online_ticket',
    source: 'web',
    received_at: day(n + 10),
    caller: { wechat: AGENCY_WECHAT, role: 'agent' },
    text: ASK,
    attachments: [{ kind: 'medical', sha256: CERTIFICATE }],
  })
}

export function book(): { customers: Customer[]; contacts: Contact[] } {
  const customers = Array.from({ length: 12 }, (_, i) => customer(i + 1))
  const contacts = [
    ...[1, 2, 3, 4].map((n) => lineContact(n, n)),
    contact('client-ticket', {
      customer_id: 'C1',
      channel: 'online_ticket',
      source: 'web',
      received_at: day(2, 15),
      caller: { role: 'self' },
      text: '本人已全权委托代理人处理，要求停息挂账、只还本金、减免全部罚息，请勿再联系借款人本人。',
      network: { device_id: FAMILY_TABLET, ip: '49.134.160.150' },
    }),
    ...[5, 6].map((n, i) =>
      contact(`family-${n}`, {
        customer_id: `C${n}`,
        channel: 'app_feedback',
        source: 'app',
        received_at: day(10 + i),
        caller: { role: 'self' },
        text: '在吗？上周有个自称你们平台的催收给我打电话，说话很难听。我会还款的，能不能宽限几天？',
        network: { device_id: FAMILY_TABLET, ip: '110.49.0.33' },
      }),
    ),
    ...[7, 8, 9].map((n) => wechatContact(n, n)),
    contact('own-phone', {
      customer_id: 'C10',
      channel: 'call',
      received_at: day(20),
      caller: { phone: customers[9]?.phone, role: 'self' },
      text: '我想问一下这个月的账单为什么多了一笔费用。',
    }),
  ]
  return { customers, contacts }
}

export function bookDetector(extra: Contact[] = []): Detector {
  const b = book()
  return detectorWith(b.customers, [...b.contacts, ...extra])
}
