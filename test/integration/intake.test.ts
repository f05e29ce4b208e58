import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Contact } from '../../src/contract/index.js'
import { toStoredTime } from '../../src/contract/index.js'
import { importFile, InputFileError } from '../../src/intake/index.js'
import { contactIdentifiers } from '../../src/links/identifier.js'
import { buildContact, buildCustomer, validIdNumber, writeJsonl, writeRaw } from './builders.js'
import { testStores, useStore } from './stores.js'

function rejects(file: string) {
  const path = `${file}.rejects.jsonl`
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map(
      (l) => JSON.parse(l) as { file: string; line: number; field: string | null; reason: string },
    )
}

describe.each(testStores)('intake on $kind', (store) => {
  const { available } = store
  const t = useStore(store)

  it.skipIf(!available)(
    'imports customers and links every written form of a phone to one identifier',
    async () => {
      const file = writeJsonl(t.dir, 'customers.jsonl', [
        buildCustomer({ customer_id: 'C1', phone: '138 0013 8000' }),
        buildCustomer({
          customer_id: 'C2',
          name: '李秀英',
          phone: '+86-13900139000',
          id_number: validIdNumber('110105', '19851122', '201'),
          phones_other: ['008613800138000'],
        }),
      ])
      const s = await importFile(t.ctx, 'customers', file)
      expect(s).toMatchObject({ lines: 2, inserted: 2, rejected: 0 })
      const links = await t.ctx.db
        .selectFrom('customer_identifiers')
        .selectAll()
        .orderBy('customer_id')
        .orderBy('role')
        .execute()
      const phoneOf = (c: string, role: string) =>
        links.find(
          (l) => l.customer_id === c && l.role === role && l.identifier.startsWith('phone:'),
        )?.identifier
      expect(phoneOf('C1', 'registered')).toBe('phone:+8613800138000')
      expect(phoneOf('C2', 'other_phone')).toBe('phone:+8613800138000')
      expect(phoneOf('C2', 'registered')).toBe('phone:+8613900139000')
    },
  )

  it.skipIf(!available)(
    'is a no-op when the same file is imported again, and keeps history when a record changes',
    async () => {
      const rows = [
        buildContact({
          contact_id: 'K1',
          customer_id: 'C1',
          caller: { phone: '13700137000', role: 'agent', name: '赵律' },
        }),
      ]
      const file = writeJsonl(t.dir, 'contacts.jsonl', rows)
      await importFile(t.ctx, 'contacts', file)
      const again = await importFile(t.ctx, 'contacts', file)
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 })
      const changed = writeJsonl(t.dir, 'contacts2.jsonl', [
        { ...rows[0], text: '委托人要求停息挂账，请勿再联系借款人本人。' },
      ])
      const third = await importFile(t.ctx, 'contacts', changed)
      expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 })
      const current = await t.ctx.db
        .selectFrom('contacts')
        .selectAll()
        .where('contact_id', '=', 'K1')
        .executeTakeFirstOrThrow()
      expect(current.version).toBe(2)
      expect(JSON.parse(current.record).text).toContain('停息挂账')
      const history = await t.ctx.db
        .selectFrom('contact_versions')
        .selectAll()
        .where('record_id', '=', 'K1')
        .execute()
      expect(history).toHaveLength(1)
      expect(JSON.parse(history[0]!.record).text).toBe(rows[0]!.text)
    },
  )

  it.skipIf(!available)(
    'tells new records from stored ones when a file mixes them, new ones first and after',
    async () => {
      // Over a hundred records: several insert statements on SQLite, the first all new, later
      // ones meeting stored records, and new ones after those.
      const contact = (i: number, text = '客户来电咨询还款计划。') =>
        buildContact({
          contact_id: `M${String(i).padStart(3, '0')}`,
          caller: { phone: `1370013${String(i).padStart(4, '0')}` },
          text,
        })
      const stored = Array.from({ length: 40 }, (_, i) => contact(60 + i))
      await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'stored.jsonl', stored))
      const mixed = Array.from({ length: 150 }, (_, i) =>
        contact(i, i >= 60 && i < 100 && i % 2 ? '委托人要求停息挂账。' : undefined),
      )
      const s = await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'mixed.jsonl', mixed))
      expect(s).toMatchObject({ lines: 150, inserted: 110, updated: 20, unchanged: 20 })
      const rows = await t.ctx.db
        .selectFrom('contacts')
        .select(['contact_id', 'version', 'imported_at'])
        .orderBy('contact_id')
        .execute()
      expect(rows).toHaveLength(150)
      const added = rows.filter((r) => r.contact_id < 'M060' || r.contact_id >= 'M100')
      expect(added).toHaveLength(110)
      for (const r of added) expect(r).toMatchObject({ version: 1, imported_at: s.startedAt })
      expect(rows.filter((r) => r.version === 2).map((r) => r.contact_id)).toEqual(
        Array.from({ length: 20 }, (_, k) => `M0${61 + 2 * k}`),
      )
      const links = await t.ctx.db
        .selectFrom('contact_identifiers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(links.n)).toBe(150)
    },
  )

  it.skipIf(!available)(
    'stores each contact’s links with its customer and time, whatever their number, and replaces them when it changes',
    async () => {
      const party = (i: number) => ({ phone: `1370013${String(i).padStart(4, '0')}` })
      const contacts = [
        buildContact({ contact_id: 'L0' }),
        buildContact({ contact_id: 'L1', customer_id: 'C1', caller: party(1) }),
        buildContact({
          contact_id: 'L4',
          customer_id: 'C4',
          received_at: '2026-03-04T08:00:00Z',
          caller: { ...party(4), role: 'agent', name: '赵律', email: 'zhao@lawfirm.cn' },
          participants: [party(5), party(6)],
          network: { ip: '10.1.2.3', device_id: 'dev-4' },
        }),
        buildContact({ contact_id: 'L2', caller: party(2), participants: [party(3)] }),
      ]
      const linkRows = () =>
        t.ctx.db
          .selectFrom('contact_identifiers')
          .select(['contact_id', 'identifier', 'role', 'customer_id', 'received_at'])
          .orderBy('contact_id')
          .orderBy('identifier')
          .orderBy('role')
          .execute()
      const expected = (cs: Contact[]) =>
        cs
          .flatMap((c) =>
            contactIdentifiers(c).map((l) => ({
              contact_id: c.contact_id,
              identifier: l.identifier,
              role: l.role,
              customer_id: c.customer_id ?? null,
              received_at: toStoredTime(c.received_at),
            })),
          )
          .sort((a, b) =>
            `${a.contact_id} ${a.identifier} ${a.role}` <
            `${b.contact_id} ${b.identifier} ${b.role}`
              ? -1
              : 1,
          )
      await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'links.jsonl', contacts))
      const first = await linkRows()
      expect(new Set(first.map((l) => l.contact_id))).toEqual(new Set(['L1', 'L2', 'L4']))
      expect(first.filter((l) => l.contact_id === 'L4').length).toBeGreaterThan(4)
      expect(first).toEqual(expected(contacts))

      const changed = [
        { ...contacts[2]!, participants: [party(7)], customer_id: 'C44' },
        { ...contacts[0]!, caller: party(8) },
      ]
      await importFile(t.ctx, 'contacts', writeJsonl(t.dir, 'links2.jsonl', changed))
      expect(await linkRows()).toEqual(
        expected([changed[1]!, contacts[1]!, contacts[3]!, changed[0]!]),
      )
    },
  )

  it.skipIf(!available)(
    'keeps the good lines of a batch and reports each bad line with its file, line and field',
    async () => {
      const good = (id: string) => JSON.stringify(buildContact({ contact_id: id }))
      const lines = [
        good('G1'),
        '{"contact_id": "B1", "channel": "call", ',
        JSON.stringify({ ...buildContact({ contact_id: 'B2' }), received_at: 20260301 }),
        JSON.stringify({ ...buildContact({ contact_id: 'B3' }), channel: 'pigeon' }),
        JSON.stringify({ channel: 'call', received_at: '2026-03-01T10:00:00+08:00' }),
        good('G1'),
        JSON.stringify(
          buildContact({ contact_id: 'B4', text: '投'.repeat((5 * 1024 * 1024) / 3) }),
        ),
        good('G2'),
      ]
      const file = writeRaw(t.dir, 'mixed.jsonl', lines.join('\n') + '\n')
      const s = await importFile(t.ctx, 'contacts', file)
      expect(s).toMatchObject({ lines: 8, inserted: 2, rejected: 6 })
      const r = rejects(file)
      expect(r.map((x) => [x.line, x.field])).toEqual([
        [2, null],
        [3, 'received_at'],
        [4, 'channel'],
        [5, 'contact_id'],
        [6, 'contact_id'],
        [7, 'text'],
      ])
      expect(r.every((x) => x.file === file)).toBe(true)
      expect(r[0]!.reason).toMatch(/invalid JSON/)
      expect(r[3]!.reason).toMatch(/missing/)
      expect(r[4]!.reason).toMatch(/duplicate contact_id "G1".*line 1/)
      expect(r[5]!.reason).toMatch(/longer than 200000/)
    },
  )

  it.skipIf(!available)(
    'prepares the lines on a worker thread with the same outcome as on the importing thread',
    async () => {
      const lines = (p: string) => [
        JSON.stringify(buildContact({ contact_id: `${p}1`, caller: { phone: '137 0013 7000' } })),
        `{"contact_id": "${p}2", `,
        JSON.stringify(buildContact({ contact_id: `${p}3`, network: { ip: '10.1.2.3' } })),
        JSON.stringify(buildContact({ contact_id: `${p}1` })),
      ]
      const run = async (p: string, prepareOnWorker: boolean) => {
        const file = writeRaw(t.dir, `${p}.jsonl`, lines(p).join('\n') + '\n')
        const s = await importFile(t.ctx, 'contacts', file, { prepareOnWorker })
        const links = await t.ctx.db
          .selectFrom('contact_identifiers')
          .select(['identifier', 'role'])
          .where('contact_id', 'like', `${p}%`)
          .orderBy('identifier')
          .orderBy('role')
          .execute()
        const reported = rejects(file).map((r) => [r.line, r.field, r.reason.replaceAll(p, '')])
        return { lines: s.lines, inserted: s.inserted, rejected: s.rejected, links, reported }
      }
      const inline = await run('inline-', false)
      expect(inline).toMatchObject({ lines: 4, inserted: 2, rejected: 2 })
      expect(await run('worker-', true)).toEqual(inline)
    },
  )

  it.skipIf(!available)(
    'rejects a line of invalid UTF-8 and reads a BOM and CRLF line ends',
    async () => {
      const bom = '\uFEFF'
      const a = JSON.stringify(buildContact({ contact_id: 'U1' }))
      const b = JSON.stringify(buildContact({ contact_id: 'U2' }))
      const bad = Buffer.concat([
        Buffer.from(
          '{"contact_id":"U3","channel":"call","received_at":"2026-03-01T10:00:00+08:00","text":"',
        ),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}'),
      ])
      const file = writeRaw(
        t.dir,
        'enc.jsonl',
        Buffer.concat([Buffer.from(`${bom}${a}\r\n`), bad, Buffer.from(`\r\n${b}\r\n`)]),
      )
      const s = await importFile(t.ctx, 'contacts', file)
      expect(s).toMatchObject({ lines: 3, inserted: 2, rejected: 1 })
      expect(rejects(file)[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/UTF-8/) })
    },
  )

  it.skipIf(!available)(
    'accepts an empty file with nothing imported and nothing rejected',
    async () => {
      const file = writeRaw(t.dir, 'empty.jsonl', '')
      expect(await importFile(t.ctx, 'contacts', file)).toMatchObject({
        lines: 0,
        inserted: 0,
        rejected: 0,
        rejectFile: null,
      })
    },
  )

  it.skipIf(!available)(
    'names a file that does not exist and tells the user to check the path',
    async () => {
      await expect(importFile(t.ctx, 'contacts', `${t.dir}/nope.jsonl`)).rejects.toThrow(
        InputFileError,
      )
      await expect(importFile(t.ctx, 'contacts', `${t.dir}/nope.jsonl`)).rejects.toThrow(
        /nope\.jsonl: no such file — check the path/,
      )
    },
  )

  it.skipIf(!available)(
    'imports CSV with dotted columns and reports a row that lacks a column',
    async () => {
      const csv = [
        'contact_id,channel,received_at,customer_id,caller.phone,caller.role,caller.organization,demands,attachments.0.kind,attachments.0.sha256',
        `V1,regulator,2026-03-05 14:00:00,C9,+86 137 0013 7000,agent,深圳市信和法务咨询有限公司,停息挂账|减免利息,poa,${'ab'.repeat(32)}`,
        'V2,call,2026-03-05T15:00:00+08:00,C9',
      ].join('\n')
      const file = writeRaw(t.dir, 'contacts.csv', csv + '\n')
      const s = await importFile(t.ctx, 'contacts', file)
      expect(s).toMatchObject({ lines: 2, inserted: 1, rejected: 1 })
      expect(rejects(file)[0]).toMatchObject({
        line: 3,
        field: 'caller.phone',
        reason: expect.stringMatching(/missing caller\.phone/),
      })
      const row = await t.ctx.db
        .selectFrom('contacts')
        .selectAll()
        .where('contact_id', '=', 'V1')
        .executeTakeFirstOrThrow()
      expect(row.received_at).toBe('2026-03-05T06:00:00.000Z')
      const record = JSON.parse(row.record)
      expect(record.demands).toEqual(['停息挂账', '减免利息'])
      const ids = (
        await t.ctx.db
          .selectFrom('contact_identifiers')
          .select(['identifier', 'role'])
          .where('contact_id', '=', 'V1')
          .execute()
      ).map((r) => `${r.role} ${r.identifier}`)
      expect(ids).toContain('caller phone:+8613700137000')
      expect(ids).toContain(`attachment sha256:${'ab'.repeat(32)}`)
      expect(ids.some((i) => i.startsWith('organization organization:'))).toBe(true)
    },
  )

  it.skipIf(!available)('keeps an invalid ID number and marks it invalid', async () => {
    const bad = validIdNumber().slice(0, 17) + (validIdNumber().endsWith('1') ? '2' : '1')
    const file = writeJsonl(t.dir, 'customers.jsonl', [
      buildCustomer({ customer_id: 'C7', id_number: bad }),
    ])
    await importFile(t.ctx, 'customers', file)
    const c = await t.ctx.db
      .selectFrom('customers')
      .selectAll()
      .where('customer_id', '=', 'C7')
      .executeTakeFirstOrThrow()
    expect(c).toMatchObject({ id_number: bad, id_number_valid: 0 })
    const ident = await t.ctx.db
      .selectFrom('identifiers')
      .selectAll()
      .where('identifier', '=', `id_number:${bad}`)
      .executeTakeFirstOrThrow()
    expect(ident.valid).toBe(0)
  })
})
