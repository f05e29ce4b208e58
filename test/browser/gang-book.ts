// An agency big enough to draw: 60 clients worked over three phones, two WeChat ids, one company
// name, an office device and a hardship certificate it reuses — imported into the browser server
// beside the simulated book, some of it this month so that the gang shows growth.
import type { Contact, Customer } from '../../src/contract/index.js'
import { buildContact, buildCustomer, validIdNumber } from '../integration/builders.js'

const CLIENTS = 60
const PHONES = ['17755550101', '17755550102', '18922220303']
const WECHATS = ['youhua_anxin01', 'shangan_anxin02']
const ORGANIZATION = '安信债务优化咨询有限公司'
const CERTIFICATE = 'c0ffee'.repeat(10) + 'beef'
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'
const GIVEN = ['建国', '秀英', '伟', '洋', '静', '磊', '敏', '勇', '丽', '强', '婷', '浩']
const LETTER =
  '本人因失业收入中断，无力偿还贵司借款，现委托代理人全权处理。要求贵司停息挂账、只还本金，' +
  '并全额退还已收取的利息和服务费，否则将向金融监管总局投诉，请勿再联系借款人本人。'

function at(daysAgo: number, now: Date): string {
  return new Date(now.getTime() - daysAgo * 86_400_000).toISOString()
}

export function agencyBook(now = new Date()): { customers: Customer[]; contacts: Contact[] } {
  const customers: Customer[] = []
  const contacts: Contact[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const id = `GB${String(i + 1).padStart(3, '0')}`
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`
    customers.push(
      buildCustomer({
        customer_id: id,
        name,
        phone: `139${String(20000000 + i * 37)}`,
        id_number: validIdNumber('330106', '19880101', String(100 + i)),
      }),
    )
    // The older clients came months ago; the last fifteen this month.
    const daysAgo = i < 45 ? 40 + i : 1 + (i % 10)
    contacts.push(
      buildContact({
        contact_id: `GB-call-${i}`,
        customer_id: id,
        received_at: at(daysAgo, now),
        caller: { phone: PHONES[i % 3], role: 'agent', name: '周专员', organization: ORGANIZATION },
        demands: ['停息挂账', '只还本金'],
        text: `${name}的代理人来电。${LETTER}`,
      }),
    )
    if (i % 2 === 0)
      contacts.push(
        buildContact({
          contact_id: `GB-ticket-${i}`,
          customer_id: id,
          channel: 'online_ticket',
          source: 'web',
          received_at: at(daysAgo - 0.5, now),
          caller: { wechat: WECHATS[i % 4 === 0 ? 0 : 1], role: 'agent' },
          network: { device_id: 'AGENCY-OFFICE-PC-0017' },
          text: `${name}：${LETTER}`,
          attachments: i % 5 === 0 ? [{ kind: 'medical', sha256: CERTIFICATE }] : [],
        }),
      )
  }
  return { customers, contacts }
}
