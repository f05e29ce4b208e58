import { describe, expect, it } from 'vitest'
import { ClauseTable, clausesOf, RepeatedWords } from './repeated-words.js'
import { contact, customer, day, detectorWith } from './test-support/scenario.js'

const DAY = 86_400_000
const OWN =
  '我在银行办房贷，查征信发现你们上报了一次逾期，但那次是你们扣款失败造成的。银行说需要你们出具证明。请尽快更正征信记录。'
const REPEAT = '又来了，我在银行办房贷，查征信发现你们上报了一次逾期，但那次是你们扣款失败造成的。'

describe('repeated words', () => {
  it('tells whose own recent complaint a post repeats, and forgets it after the window', () => {
    const w = new RepeatedWords(30 * DAY)
    w.add('C1', 0, clausesOf(OWN))
    w.add(
      'C2',
      DAY,
      clausesOf('催收人员每天给我紧急联系人打电话，严重影响家人生活，要求停止骚扰。'),
    )
    expect(w.resolve(clausesOf(REPEAT))).toBe('C1')
    expect(w.resolve(clausesOf('请尽快处理，谢谢。我在银行办房贷。'))).toBeNull()
    w.add('C3', 40 * DAY, clausesOf('额度审批一直不通过，综合评分不足，请解释原因。'))
    expect(w.resolve(clausesOf(REPEAT))).toBeNull()
  })

  it('never resolves words two customers share: common wording or a template', () => {
    const w = new RepeatedWords(30 * DAY)
    w.add('C1', 0, clausesOf(OWN))
    w.add('C2', DAY, clausesOf(OWN))
    expect(w.resolve(clausesOf(REPEAT))).toBeNull()
  })

  it("counts an anonymous board post in the customer's own repeats, but not one claimed for someone else", () => {
    const c1 = customer(1)
    const own = (id: string, n: number) =>
      contact(id, {
        customer_id: 'C1',
        channel: 'online_ticket',
        source: 'web',
        received_at: day(n),
        caller: { phone: c1.phone, role: 'self', name: c1.name },
        text: OWN,
      })
    const post = (id: string, n: number, claimed?: string) =>
      contact(id, {
        channel: 'social',
        source: 'heimao',
        received_at: day(n),
        caller: { name: '黑猫用户7296483', role: 'unknown' },
        ...(claimed ? { claimed: { name: claimed } } : {}),
        text: REPEAT,
      })
    const d = detectorWith([c1], [own('t1', 1), post('p1', 3), post('p2', 5, '陈欣霞')])
    expect(d.index.contacts[d.index.byId.get('p1')!]?.customerId).toBe('C1')
    expect(d.index.contacts[d.index.byId.get('p2')!]?.customerId).toBeNull()
  })
})

describe('clause table', () => {
  it('answers as a Map of owners and holder counts through holds and releases', () => {
    const table = new ClauseTable()
    const owners = new Map<number, number>()
    const holders = new Map<number, number>()
    // A few hundred hashes, some sharing their low bits, held and released at random: removals
    // shift later entries back, and the table grows several times.
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0)
    const hashes = Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? i << 20 : next()) >>> 0)
    for (let step = 0; step < 40_000; step++) {
      const h = hashes[next() % hashes.length] as number
      if (next() % 3 === 0) {
        table.release(h)
        const n = (holders.get(h) ?? 1) - 1
        if (n > 0) holders.set(h, n)
        else {
          holders.delete(h)
          owners.delete(h)
        }
      } else {
        const no = next() % 5
        table.hold(h, no)
        const o = owners.get(h)
        owners.set(h, o === undefined || o === no ? no : -1)
        holders.set(h, (holders.get(h) ?? 0) + 1)
      }
      if (step % 997 === 0) for (const x of hashes) expect(table.ownerOf(x)).toBe(owners.get(x))
    }
    for (const x of hashes) expect(table.ownerOf(x)).toBe(owners.get(x))
    expect(table.size).toBe(owners.size)
    expect(table.size).toBeGreaterThan(0)
  })

  it('forgets the oldest contacts first, across the queue being compacted', () => {
    const w = new RepeatedWords(10)
    // Ten thousand contacts a time step apart: all but the last ten or so are evicted, and the
    // queue drops its evicted prefix on the way.
    for (let t = 0; t < 10_000; t++) w.add(`C${t}`, t, [t + 1, 12, t + 1_000_001, 12])
    expect(w.resolve([10_000, 12, 1_010_000, 12])).toBe('C9999')
    expect(w.resolve([9_991, 12, 1_009_991, 12])).toBe('C9990')
    expect(w.resolve([9_989, 12, 1_009_989, 12])).toBeNull()
  })
})
