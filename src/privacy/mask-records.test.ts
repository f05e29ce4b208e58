import { describe, expect, it } from 'vitest'
import type { Contact, Customer } from '../contract/index.js'
import { maskContactRecord, maskCustomerRecord } from './mask-records.js'

const contact: Contact = {
  contact_id: '20260305000123456',
  channel: 'call',
  source: 'cti-shenzhen',
  received_at: '2026-03-05T10:12:00+08:00',
  customer_id: 'C001',
  claimed: { name: '张三', id_number: '11010119900307123X', phone: '+8613800138000' },
  caller: {
    phone: '137 1234 5678',
    name: '陈经理',
    role: 'agent',
    organization: '深圳市信和法务咨询有限公司',
    relation_claimed: '表哥',
    email: 'chen.jingli@xinhe-law.cn',
    wechat: 'xinhe_chen88',
  },
  participants: [{ phone: '13912345678', name: '张三', role: 'self' }],
  text: '我是张三的代理人陈经理，张三身份证11010119900307123X，有事打13712345678。',
  demands: ['减免罚息', '联系陈经理 13712345678'],
  attachments: [
    {
      kind: 'poa',
      sha256: 'a'.repeat(64),
      filename: '张三授权委托书.pdf',
      path: '/files/张三/poa.pdf',
    },
  ],
  network: { ip: '183.14.22.9', device_id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
  regulator_ref: 'YJH-2026-031',
  subject: '关于张三贷款的投诉',
  crm: { note: '客户母亲李秀英来电 15011112222', priority: 2, backup_phone: 13600001111 },
}

describe('maskContactRecord', () => {
  it('masks every personal field and the names it carries wherever they occur', () => {
    expect(maskContactRecord(contact, ['张三丰'])).toEqual({
      contact_id: '20260305000123456',
      channel: 'call',
      source: 'cti-shenzhen',
      received_at: '2026-03-05T10:12:00+08:00',
      customer_id: 'C001',
      claimed: { name: '张*', id_number: '110101********123X', phone: '138****8000' },
      caller: {
        phone: '137****5678',
        name: '陈**',
        role: 'agent',
        organization: '深圳市信和法务咨询有限公司',
        relation_claimed: '表哥',
        email: 'c***@xinhe-law.cn',
        wechat: 'xi***88',
      },
      participants: [{ phone: '139****5678', name: '张*', role: 'self' }],
      text: '我是张*的代理人陈**，张*身份证110101********123X，有事打137****5678。',
      demands: ['减免罚息', '联系陈** 137****5678'],
      attachments: [
        {
          kind: 'poa',
          sha256: 'a'.repeat(64),
          filename: '张*授权委托书.pdf',
          path: '/files/张*/poa.pdf',
        },
      ],
      network: { ip: '183.*.*.9', device_id: '3f25****3301' },
      regulator_ref: 'YJH-2026-031',
      subject: '关于张*贷款的投诉',
      crm: { note: '客户母亲李秀英来电 150****2222', priority: 2, backup_phone: '136****1111' },
    })
  })

  it('masks names passed in from outside the record', () => {
    const masked = maskContactRecord({ ...contact, text: '客户李秀英本人来电' }, ['李秀英'])
    expect(masked.text).toBe('客户李**本人来电')
  })

  it('returns a copy and leaves the record untouched', () => {
    const before = JSON.stringify(contact)
    const masked = maskContactRecord(contact)
    expect(JSON.stringify(contact)).toBe(before)
    expect(masked.caller).not.toBe(contact.caller)
    expect(masked.attachments).not.toBe(contact.attachments)
  })

  it('copes with a bare record and an already masked one', () => {
    const bare: Contact = {
      contact_id: 'K1',
      channel: 'app_feedback',
      received_at: '2026-03-05T10:12:00Z',
    }
    expect(maskContactRecord(bare)).toEqual(bare)
    const once = maskContactRecord(contact)
    expect(maskContactRecord(once)).toEqual(once)
  })
})

describe('maskCustomerRecord', () => {
  const customer: Customer = {
    customer_id: 'C001',
    name: '张三',
    id_number: '11010119900307123X',
    phone: '13800138000',
    phones_other: ['010-62345678', '+85291234567'],
    address: '北京市朝阳区建国路88号院3号楼1单元502',
    registered_at: '2024-06-01T00:00:00Z',
    loan: { status: 'overdue', overdue_days: 45, outstanding: 12000 },
    voice_enrolled: true,
    emergency_contact: '李秀英 15011112222',
    remark: '张三称已失业',
  }

  it('masks the customer’s personal fields and leaves the loan alone', () => {
    expect(maskCustomerRecord(customer)).toEqual({
      customer_id: 'C001',
      name: '张*',
      id_number: '110101********123X',
      phone: '138****8000',
      phones_other: ['010****5678', '+852 912***67'],
      address: '北京市朝阳区****',
      registered_at: '2024-06-01T00:00:00Z',
      loan: { status: 'overdue', overdue_days: 45, outstanding: 12000 },
      voice_enrolled: true,
      emergency_contact: '李秀英 150****2222',
      remark: '张*称已失业',
    })
  })

  it('masks a minimal record to itself', () => {
    expect(maskCustomerRecord({ customer_id: 'C9' })).toEqual({ customer_id: 'C9' })
  })
})
