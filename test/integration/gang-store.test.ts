// The gangs' record on both stores: a recomputation replaces members and edges, keeps a kept
// gang's created_at, and records a merged gang with where it went and a dissolved one as such.
import { describe, expect, it } from 'vitest'
import type { Gang, GangRun, GangSummary } from '../../src/gangs/index.js'
import { findGang, listGangs, previousGangs, saveGangRun } from '../../src/gangs/index.js'
import { testStores, useStore } from './stores.js'

const summary = {
  severity: 'level2',
  organizations: [],
  agent_phones: [],
} as unknown as GangSummary

function gang(id: string, customers: number, at: string): Gang {
  return {
    gang_id: id,
    status: 'active',
    merged_into: null,
    customers,
    contacts: customers,
    nodes: customers + 1,
    severity: 'level2',
    growth: 0,
    first_seen: at,
    last_seen: at,
    summary,
    created_at: at,
    computed_at: at,
  }
}

function run(at: string, gangs: [string, string[]][], merged: GangRun['merged'] = []): GangRun {
  return {
    runId: `run-${at}`,
    computedAt: at,
    gangs: gangs.map(([id, people]) => gang(id, people.length, at)),
    members: gangs.flatMap(([gang_id, people]) =>
      people.map((node) => ({ gang_id, node, kind: 'customer' })),
    ),
    edges: [],
    merged,
    dissolved: [],
    stats: { nodes: 0, edges: 0, created: 0, ms: 1 },
  }
}

describe.each(testStores)('gang store on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)('records kept, merged and listed gangs across runs', async () => {
    const first = '2026-04-01T00:00:00.000Z'
    await saveGangRun(
      t.ctx.db,
      run(first, [
        ['TH-a', ['customer:C1', 'customer:C2', 'customer:C3']],
        ['TH-b', ['customer:C4', 'customer:C5', 'customer:C6']],
      ]),
    )
    const second = '2026-04-02T00:00:00.000Z'
    const merged = ['customer:C1', 'customer:C2', 'customer:C3', 'customer:C4', 'customer:C5']
    await saveGangRun(t.ctx.db, run(second, [['TH-a', merged]], [{ gangId: 'TH-b', into: 'TH-a' }]))
    expect(await findGang(t.ctx.db, 'TH-a')).toMatchObject({
      customers: 5,
      created_at: first,
      computed_at: second,
    })
    expect(await findGang(t.ctx.db, 'TH-b')).toMatchObject({
      status: 'merged',
      merged_into: 'TH-a',
    })
    expect(await previousGangs(t.ctx.db)).toEqual([{ gangId: 'TH-a', persons: merged }])
    const page = await listGangs(t.ctx.db, { sort: 'severity', offset: 0, limit: 10 })
    expect(page).toMatchObject({ total: 1, items: [{ gang_id: 'TH-a' }] })
  })
})
