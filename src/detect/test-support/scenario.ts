// Builders for detection tests: a small lender's book with realistic zh-CN data.
import type { Contact, Customer } from '../../contract/index.js'
import { customerIdentifiers } from '../../links/identifier.js'
import { idCheckDigit, nameKey } from '../../normalize/index.js'
import { Detector } from '../detector.js'
import { loadRuleSet } from '../rules/rule-set.js'

export function idNumber(seq: number): string {
  const first17 = `44030519900307${String(seq).padStart(3, '0')}`
  return first17 + idCheckDigit(first17)
}

const NAMES = [
  '王建国',
  '李秀英',
  '张伟',
  '刘洋',
  '陈静',
  '杨磊',
  '赵敏',
  '黄勇',
  '周丽',
  '吴强',
  '徐婷',
  '孙浩',
]

export function customer(n: number, over: Partial<Customer> = {}): Customer {
  return {
    customer_id: `C${n}`,
    name: NAMES[n % NAMES.length],
    id_number: idNumber(n),
    phone: `1380013${String(8000 + n).padStart(4, '0')}`,
    loan: { status: 'overdue', overdue_days: 40 + n, outstanding: 12000 + n * 100 },
    ...over,
  }
}

export const TEMPLATE = (name: string, id: string, amount: number) =>
  `尊敬的贵司：本人${name}，身份证号${id}，于2024年在贵司借款${amount}元。因疫情原因本人失业，收入骤减，家庭困难，已无力按原合同还款。贵司在放贷时未尽审核义务，且存在砍头息、利率超过法定上限等违规行为。现本人郑重要求：一、停息挂账，只还本金，分60期偿还；二、减免全部罚息和违约金；三、消除征信不良记录。本人已全权委托代理人处理此事，请勿再联系借款人本人。如贵司不予解决，本人将向金融监管总局、人民银行及媒体反映。`

export function contact(id: string, over: Partial<Contact>): Contact {
  return {
    contact_id: id,
    channel: 'call',
    source: 'hotline',
    received_at: '2026-03-02T09:15:00+08:00',
    ...over,
  }
}

export function detectorWith(customers: Customer[], contacts: Contact[]): Detector {
  const d = new Detector(loadRuleSet())
  for (const c of customers) {
    d.index.addCustomer({
      customerId: c.customer_id,
      nameKey: c.name ? nameKey(c.name) : null,
      identifiers: customerIdentifiers(c).map((l) => l.identifier),
    })
  }
  for (const c of contacts) d.index.addContact(c)
  return d
}

export function day(n: number, hour = 10): string {
  return new Date(Date.UTC(2026, 2, n, hour - 8)).toISOString().replace('.000Z', '+00:00')
}
