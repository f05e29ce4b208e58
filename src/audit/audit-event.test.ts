import { describe, expect, it } from 'vitest'
import { guardDetail, toInsert } from './audit-event.js'

describe('toInsert', () => {
  it('stamps the time of the event and fills the defaults', () => {
    expect(
      toInsert({ actor: 'wangfang', action: 'screen' }, new Date('2026-03-05T02:00:00Z')),
    ).toEqual({
      at: '2026-03-05T02:00:00.000Z',
      actor: 'wangfang',
      actor_role: null,
      action: 'screen',
      target_kind: null,
      target_id: null,
      detail: null,
      ip: null,
      outcome: 'ok',
    })
  })

  it('stores detail as JSON text', () => {
    const row = toInsert(
      { actor: 'a', action: 'contact.unmask', detail: { reason: '客户投诉核实', count: 2 } },
      new Date(0),
    )
    expect(JSON.parse(row.detail ?? '')).toEqual({ reason: '客户投诉核实', count: 2 })
  })
})

describe('guardDetail', () => {
  it('masks mobiles and ID numbers wherever they sit in the detail', () => {
    expect(
      guardDetail({
        phone: '+86 138 0013 8000',
        filters: { q: '身份证11010119900307123X', ids: ['K1', 13912345678] },
        reason: '客户本人来电核实',
        limit: 50,
        when: '2026-03-05T02:00:00.000Z',
        ok: true,
        none: null,
      }),
    ).toEqual({
      phone: '138****8000',
      filters: { q: '身份证110101********123X', ids: ['K1', '139****5678'] },
      reason: '客户本人来电核实',
      limit: 50,
      when: '2026-03-05T02:00:00.000Z',
      ok: true,
      none: null,
    })
  })
})
