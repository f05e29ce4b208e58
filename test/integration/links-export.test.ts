import { createWriteStream, readFileSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportRecords, importFile } from '../../src/intake/index.js'
import {
  contactsOfCustomer,
  customersSpokenFor,
  identifiersAroundCustomer,
  largestFanOut,
} from '../../src/links/index.js'
import { buildContact, buildCustomer, validIdNumber, writeJsonl } from './builders.js'
import type { OpenTestStore } from './stores.js'
import { testStores, useStore } from './stores.js'

const AGENT = '+86 137 1234 5678'

/** An agent phone that calls for four borrowers in March and one in July; each borrower also writes in. */
function agencyContacts() {
  const borrowers = ['C1', 'C2', 'C3', 'C4']
  const calls = borrowers.map((c, i) =>
    buildContact({
      contact_id: `K${i + 1}`,
      customer_id: c,
      received_at: `2026-03-0${i + 1}T10:00:00+08:00`,
      caller: {
        phone: AGENT,
        role: 'agent',
        name: '陈经理',
        organization: '深圳市信和法务咨询有限公司',
      },
    }),
  )
  const late = buildContact({
    contact_id: 'K9',
    customer_id: 'C5',
    received_at: '2026-07-20T10:00:00+08:00',
    caller: { phone: '13712345678', role: 'friend' },
  })
  const own = buildContact({
    contact_id: 'K10',
    customer_id: 'C1',
    channel: 'app_feedback',
    received_at: '2026-03-03T20:00:00+08:00',
    network: { ip: '10.1.2.3', device_id: 'A1B2C3D4' },
  })
  return [...calls, late, own]
}

async function exportTo(t: OpenTestStore, kind: 'customers' | 'contacts', name: string) {
  const file = join(t.dir, name)
  const out = createWriteStream(file)
  await exportRecords(t.ctx, kind, out)
  out.end()
  await once(out, 'finish')
  return file
}

describe.each(testStores)('identifier links and export on $kind', (store) => {
  const { available } = store
  const t = useStore(store)

  it.skipIf(!available)(
    'counts the distinct customers one phone spoke for within a time window',
    async () => {
      await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'contacts.jsonl', agencyContacts()))
      const phone = 'phone:+8613712345678'
      expect(
        await customersSpokenFor(t.ctx.db, phone, {
          from: '2026-03-01T00:00:00.000Z',
          to: '2026-04-01T00:00:00.000Z',
        }),
      ).toEqual(['C1', 'C2', 'C3', 'C4'])
      expect(await customersSpokenFor(t.ctx.db, phone)).toHaveLength(5)
      const top = await largestFanOut(t.ctx.db, 'phone', 1)
      expect(top).toEqual([{ identifier: phone, customers: 5 }])
    },
  )

  it.skipIf(!available)(
    'lists the identifiers around a customer and their contacts across channels',
    async () => {
      await importFile(
        t.ctx,
        'customers',
        writeJsonl(t.dir, 'customers.jsonl', [
          buildCustomer({
            customer_id: 'C1',
            phone: '13800138000',
            id_number: validIdNumber('320102', '19880808', '314'),
          }),
        ]),
      )
      await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'contacts.jsonl', agencyContacts()))
      const around = await identifiersAroundCustomer(t.ctx.db, 'C1')
      const keys = around.map((a) => `${a.source}/${a.role}/${a.identifier.split(':')[0]}`)
      expect(keys).toEqual(
        expect.arrayContaining([
          'customer/registered/phone',
          'customer/registered/id_number',
          'contact/caller/phone',
          'contact/organization/organization',
          'contact/device/ip',
          'contact/device/device',
        ]),
      )
      const contacts = await contactsOfCustomer(t.ctx.db, 'C1')
      expect(contacts.map((c) => [c.contact_id, c.channel])).toEqual([
        ['K1', 'call'],
        ['K10', 'app_feedback'],
      ])
    },
  )

  it.skipIf(!available)(
    'round-trips import -> export -> import unchanged, extra fields included',
    async () => {
      const customers = [
        buildCustomer({ customer_id: 'C1' }),
        { ...buildCustomer({ customer_id: 'C2', name: '刘洋' }), crm_segment: 'A3', tags: ['vip'] },
      ]
      const contacts = agencyContacts().map((c, i) =>
        i === 0 ? { ...c, cti: { queue: '投诉专线', agent_id: 8012 } } : c,
      )
      await importFile(t.ctx, 'customers', writeJsonl(t.dir, 'in-customers.jsonl', customers))
      await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'in-contacts.jsonl', contacts))
      const outCustomers = await exportTo(t, 'customers', 'out-customers.jsonl')
      const outContacts = await exportTo(t, 'contacts', 'out-contacts.jsonl')
      const parsed = readFileSync(outContacts, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(parsed.find((c) => c.contact_id === 'K1').cti).toEqual({
        queue: '投诉专线',
        agent_id: 8012,
      })
      expect(JSON.parse(readFileSync(outCustomers, 'utf8').trim().split('\n')[1]!)).toEqual(
        customers[1],
      )
      const again = await importFile(t.ctx, 'contacts', outContacts)
      expect(again).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: contacts.length,
        rejected: 0,
      })
      const second = await exportTo(t, 'contacts', 'out-contacts-2.jsonl')
      expect(readFileSync(second, 'utf8')).toBe(readFileSync(outContacts, 'utf8'))
    },
  )
})
