// Small builders with realistic zh-CN data; each makes what it needs and writes interchange files.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Contact, Customer } from '../../src/contract/index.js'
import { idCheckDigit } from '../../src/normalize/index.js'

/** A valid 18-digit PRC resident ID number for a region, birth date and sequence. */
export function validIdNumber(region = '440305', birth = '19900307', seq = '123'): string {
  const first17 = `${region}${birth}${seq}`
  return first17 + idCheckDigit(first17)
}

export function buildCustomer(over: Partial<Customer> & { customer_id: string }): Customer {
  return {
    name: '王建国',
    id_number: validIdNumber(),
    phone: '138 0013 8000',
    registered_at: '2024-05-01T10:00:00+08:00',
    loan: { status: 'overdue', overdue_days: 45, outstanding: 23000 },
    ...over,
  }
}

export function buildContact(over: Partial<Contact> & { contact_id: string }): Contact {
  return {
    channel: 'call',
    source: 'hotline',
    received_at: '2026-03-02T09:15:00+08:00',
    text: '客户来电咨询还款计划，希望延期几天还款。',
    ...over,
  }
}

export function writeJsonl(dir: string, name: string, rows: unknown[]): string {
  const file = join(dir, name)
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return file
}

export function writeRaw(dir: string, name: string, content: string | Buffer): string {
  const file = join(dir, name)
  writeFileSync(file, content)
  return file
}
