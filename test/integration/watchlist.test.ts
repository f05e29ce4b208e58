import { describe, expect, it } from 'vitest'
import type { Context } from '../../src/context.js'
import { importFile } from '../../src/intake/index.js'
import type { WatchlistError } from '../../src/watchlist/index.js'
import {
  activeWatchlistEntries,
  addWatchlistEntry,
  expireWatchlistEntry,
  getWatchlistEntry,
  listWatchlist,
  updateWatchlistEntry,
  watchlistHistory,
} from '../../src/watchlist/index.js'
import { validIdNumber, writeJsonl } from './builders.js'
import { testStores, useStore } from './stores.js'

const AGENCY_PHONE = 'phone:+8613712345678'

/** The store's context with a clock the test moves by hand. */
function clocked(ctx: Context, start: string) {
  let now = new Date(start)
  return {
    ctx: { ...ctx, clock: { now: () => new Date(now) } },
    advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)),
  }
}

async function failure(p: Promise<unknown>): Promise<WatchlistError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  if (e === null) throw new Error('expected the call to fail')
  return e as WatchlistError
}

describe.each(testStores)('watchlist on $kind', (store) => {
  const { available } = store
  const t = useStore(store)

  it.skipIf(!available)(
    'lists a value as the import does, and listing it again in another form is a no-op',
    async () => {
      const { ctx, advance } = clocked(t.ctx, '2026-03-10T02:00:00.000Z')
      const added = await addWatchlistEntry(
        ctx,
        {
          kind: 'phone',
          value: '137 1234 5678',
          label: '信和法务 陈经理',
          reason: '代理投诉 12 户',
        },
        'handler.li',
      )
      expect(added).toEqual({
        entry_key: `${AGENCY_PHONE}|console`,
        kind: 'phone',
        value: '137 1234 5678',
        identifier: AGENCY_PHONE,
        label: '信和法务 陈经理',
        source: 'console',
        reason: '代理投诉 12 户',
        added_by: 'handler.li',
        added_at: '2026-03-10T02:00:00.000Z',
        expires_at: null,
        active: true,
        version: 1,
      })
      advance(5)
      const again = await addWatchlistEntry(
        ctx,
        { kind: 'phone', value: '+86-13712345678', label: '另一个标签', reason: '重复添加' },
        'handler.wang',
      )
      expect(again).toEqual(added)
      expect(await watchlistHistory(ctx, added.entry_key)).toHaveLength(1)

      // An entry imported from a file is the same entry when the console lists it from that source.
      const file = writeJsonl(t.dir, 'watchlist.jsonl', [
        {
          kind: 'id_number',
          value: validIdNumber('440305', '19800101', '551'),
          label: '伪造身份证号',
          source: '公安反诈中心',
          added_at: '2026-02-01T10:00:00+08:00',
        },
      ])
      await importFile(ctx, 'watchlist', file)
      const viaConsole = await addWatchlistEntry(
        ctx,
        {
          kind: 'id_number',
          value: validIdNumber('440305', '19800101', '551').toLowerCase(),
          label: 'x',
          reason: 'y',
          source: '公安反诈中心',
        },
        'handler.li',
      )
      expect(viaConsole).toMatchObject({
        identifier: `id_number:${validIdNumber('440305', '19800101', '551')}`,
        label: '伪造身份证号',
        added_by: null,
        reason: null,
        added_at: '2026-02-01T02:00:00.000Z',
        version: 1,
      })
      const rows = await ctx.db.selectFrom('watchlist').select('entry_key').execute()
      expect(rows).toHaveLength(2)
    },
  )

  it.skipIf(!available)('refuses values that name no identifier, with the field', async () => {
    const { ctx } = clocked(t.ctx, '2026-03-10T02:00:00.000Z')
    const base = { label: '代理', reason: '多户代理' }
    const cases = [
      [{ kind: 'phone', value: '无' }, 'value'],
      [{ kind: 'phone', value: '12345' }, 'value'],
      [{ kind: 'id_number', value: '440305199003071230' }, 'value'],
      [{ kind: 'email', value: 'not-an-address' }, 'value'],
      [{ kind: 'device_id', value: '00000000-0000-0000-0000-000000000000' }, 'value'],
      [{ kind: 'fax', value: '01012345678' }, 'kind'],
      [{ kind: 'phone', value: '13712345678', label: '  ' }, 'label'],
      [{ kind: 'phone', value: '13712345678', reason: '' }, 'reason'],
      [{ kind: 'phone', value: '13712345678', expires_at: '2026-03-01T00:00:00Z' }, 'expires_at'],
      [{ kind: 'phone', value: '13712345678', expires_at: 'next week' }, 'expires_at'],
      [{ kind: 'phone', value: '13712345678', label: '长'.repeat(501) }, 'label'],
    ] as const
    for (const [input, field] of cases) {
      const e = await failure(addWatchlistEntry(ctx, { ...base, ...input } as never, 'handler.li'))
      expect({ code: e.code, field: e.field }).toEqual({ code: 'validation', field })
    }
    expect(await ctx.db.selectFrom('watchlist').selectAll().execute()).toEqual([])
    // A token shared by another institution is listed as it is.
    const token = await addWatchlistEntry(
      ctx,
      { kind: 'phone', value: `hmac-sha256:${'ab'.repeat(32)}`, ...base },
      'handler.li',
    )
    expect(token.identifier).toBe(`token:hmac-sha256:${'ab'.repeat(32)}`)
  })

  it.skipIf(!available)(
    'updates and expires entries, keeping every version with who and why',
    async () => {
      const { ctx, advance } = clocked(t.ctx, '2026-03-10T02:00:00.000Z')
      const added = await addWatchlistEntry(
        ctx,
        { kind: 'wechat', value: '微信: XinHe_Law', label: '信和法务', reason: '群发模板投诉' },
        'handler.li',
      )
      expect(added.identifier).toBe('wechat:xinhe_law')
      advance(60)
      const updated = await updateWatchlistEntry(
        ctx,
        added.entry_key,
        { label: '信和法务（已报案）', expires_at: '2026-12-31T23:59:59+08:00' },
        'investigator.zhao',
      )
      expect(updated).toMatchObject({
        label: '信和法务（已报案）',
        reason: '群发模板投诉',
        added_by: 'handler.li',
        added_at: '2026-03-10T02:00:00.000Z',
        expires_at: '2026-12-31T15:59:59.000Z',
        active: true,
        version: 2,
      })
      // Nothing to change: no new version.
      const same = await updateWatchlistEntry(
        ctx,
        added.entry_key,
        { label: '信和法务（已报案）' },
        'x',
      )
      expect(same.version).toBe(2)

      advance(60)
      const expired = await expireWatchlistEntry(
        ctx,
        added.entry_key,
        '号码已注销',
        'investigator.zhao',
      )
      expect(expired).toMatchObject({
        expires_at: '2026-03-10T04:00:00.000Z',
        active: false,
        version: 3,
      })
      advance(1)
      expect((await expireWatchlistEntry(ctx, added.entry_key, '再次', 'x')).version).toBe(3)

      const history = await watchlistHistory(ctx, added.entry_key)
      expect(
        history.map((v) => [
          v.version,
          v.label,
          v.expires_at,
          v.changed_by,
          v.change_reason,
          v.replaced_at,
        ]),
      ).toEqual([
        [
          3,
          '信和法务（已报案）',
          '2026-03-10T04:00:00.000Z',
          'investigator.zhao',
          '号码已注销',
          null,
        ],
        [
          2,
          '信和法务（已报案）',
          '2026-12-31T15:59:59.000Z',
          'investigator.zhao',
          null,
          '2026-03-10T04:00:00.000Z',
        ],
        [1, '信和法务', null, null, null, '2026-03-10T03:00:00.000Z'],
      ])
      expect(
        history.every((v) => v.added_by === 'handler.li' && v.identifier === added.identifier),
      ).toBe(true)
      expect(await getWatchlistEntry(ctx, added.entry_key)).toMatchObject({ active: false })
      expect(await activeWatchlistEntries(ctx)).toEqual([])

      // Listing it again makes the next version, active, with the new who and why.
      advance(10)
      const relisted = await addWatchlistEntry(
        ctx,
        { kind: 'wechat', value: 'xinhe_law', label: '信和法务', reason: '号码重新启用' },
        'handler.wang',
      )
      expect(relisted).toMatchObject({ version: 4, active: true, added_by: 'handler.wang' })
      const active = await activeWatchlistEntries(ctx)
      expect(active).toEqual([
        expect.objectContaining({ kind: 'wechat', value: 'xinhe_law', added_by: 'handler.wang' }),
      ])
    },
  )

  it.skipIf(!available)('answers not_found for a key nobody listed', async () => {
    const key = `${AGENCY_PHONE}|console`
    const codes = await Promise.all([
      failure(updateWatchlistEntry(t.ctx, key, { label: 'x' }, 'a')),
      failure(expireWatchlistEntry(t.ctx, key, 'why', 'a')),
      failure(watchlistHistory(t.ctx, key)),
    ])
    expect(codes.map((e) => e.code)).toEqual(['not_found', 'not_found', 'not_found'])
    expect(await getWatchlistEntry(t.ctx, key)).toBeNull()
  })

  it.skipIf(!available)('pages newest first and filters by kind, text and value', async () => {
    const { ctx, advance } = clocked(t.ctx, '2026-04-01T01:00:00.000Z')
    const phones = ['13712345601', '13712345602', '13712345603', '13712345604', '13712345605']
    for (const [i, phone] of phones.entries()) {
      await addWatchlistEntry(
        ctx,
        { kind: 'phone', value: phone, label: `反催收联盟 ${i + 1}`, reason: '多户代理' },
        'handler.li',
      )
      advance(1)
    }
    await addWatchlistEntry(
      ctx,
      { kind: 'organization', value: '深圳市信和法务咨询有限公司', label: '信和', reason: '机构' },
      'handler.li',
    )
    advance(1)
    const old = await addWatchlistEntry(
      ctx,
      { kind: 'email', value: 'XinHe@qq.com', label: '信和邮箱', reason: '模板信' },
      'handler.li',
    )
    advance(1)
    await expireWatchlistEntry(ctx, old.entry_key, '误报', 'handler.li')

    const seen: string[] = []
    let cursor: string | null = null
    const pages: number[] = []
    do {
      const page = await listWatchlist(ctx, { limit: 2, cursor })
      pages.push(page.items.length)
      seen.push(...page.items.map((i) => i.value))
      cursor = page.next_cursor
    } while (cursor)
    expect(pages).toEqual([2, 2, 2])
    expect(seen).toEqual(['深圳市信和法务咨询有限公司', ...[...phones].reverse()])

    const all = await listWatchlist(ctx, { includeExpired: true })
    expect(all.items.map((i) => [i.kind, i.active])[0]).toEqual(['email', false])
    expect(all.items).toHaveLength(7)
    expect(all.next_cursor).toBeNull()

    const byKind = await listWatchlist(ctx, { kind: 'organization' })
    expect(byKind.items.map((i) => i.identifier)).toEqual([expect.stringMatching(/^organization:/)])
    const byLabel = await listWatchlist(ctx, { q: '联盟 3' })
    expect(byLabel.items.map((i) => i.value)).toEqual(['13712345603'])
    const byValue = await listWatchlist(ctx, { q: '4560' })
    expect(byValue.items).toHaveLength(5)
    const byWrittenForm = await listWatchlist(ctx, { q: '+86 137-1234-5602' })
    expect(byWrittenForm.items.map((i) => i.value)).toEqual(['13712345602'])
    const byIdentifier = await listWatchlist(ctx, { q: 'XINHE@', includeExpired: true })
    expect(byIdentifier.items.map((i) => i.kind)).toEqual(['email'])
    const wildcard = await listWatchlist(ctx, { q: '%' })
    expect(wildcard.items).toEqual([])

    const capped = await listWatchlist(ctx, { limit: 10_000 })
    expect(capped.items).toHaveLength(6)
    const e = await failure(listWatchlist(ctx, { cursor: 'not-a-cursor' }))
    expect({ code: e.code, field: e.field }).toEqual({ code: 'validation', field: 'cursor' })
  })
})
