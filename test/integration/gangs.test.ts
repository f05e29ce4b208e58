// Gangs on both stores: recomputed after an import is assessed with the same id, read through the
// API with masking, roles and audit, drawn as a graph, expanded by ref, and selected into a case.
import { describe, expect, it } from 'vitest'
import { assessFiles, loadRuleSet } from '../../src/detect/index.js'
import { listGangs, previousGangs, recomputeGangs } from '../../src/gangs/index.js'
import type { App } from '../../src/server/app.js'
import { AGENT_PHONE, as, login, openApi } from './api-fixture.js'
import { buildContact, writeJsonl } from './builders.js'
import { testStores, useStore } from './stores.js'

type Node = { id: string; label: string; kind: string; x: number | null }
type Graph = { nodes: Node[]; edges: { source: string; target: string; kind: string }[] }

/** A fifth client of the same agency line, imported through the assessment path. */
async function importFifthClient(app: App, dir: string): Promise<void> {
  const contact = buildContact({
    contact_id: 'A5',
    customer_id: 'C5',
    channel: 'call',
    received_at: '2026-04-08T10:00:00+08:00',
    caller: { phone: AGENT_PHONE, role: 'agent', name: '李助理' },
    demands: ['停息挂账'],
    text: '客户已全权委托我们处理，要求停息挂账，请勿再联系借款人本人。',
  })
  const live = app.deps.live
  await live.exclusive(async () => {
    const r = await assessFiles(app.deps.ctx, {
      rules: loadRuleSet(),
      contacts: writeJsonl(dir, 'more.jsonl', [contact]),
    })
    live.replace(r.detector)
  })
  await live.exclusive(() => Promise.resolve()) // the recomputation queued behind the swap
}

describe.each(testStores)('gangs on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)(
    'keeps a gang its id when a client joins after an import',
    async () => {
      const app = await openApi(t.ctx, t.dir)
      try {
        await recomputeGangs(t.ctx, app.deps.live.detector)
        const [before] = (await listGangs(t.ctx.db, { sort: 'size', offset: 0, limit: 10 })).items
        expect(before).toMatchObject({ customers: 4, severity: 'level2' })
        await importFifthClient(app, t.dir)
        const after = await listGangs(t.ctx.db, { sort: 'size', offset: 0, limit: 10 })
        expect(after.total).toBe(1)
        expect(after.items[0]).toMatchObject({ gang_id: before?.gang_id, customers: 5 })
        const people = (await previousGangs(t.ctx.db))[0]?.persons
        expect(people).toEqual([
          'customer:C1',
          'customer:C2',
          'customer:C3',
          'customer:C4',
          'customer:C5',
        ])
      } finally {
        await app.close()
      }
    },
  )

  it.skipIf(!store.available)(
    'lists, reads, draws and expands a gang masked, and puts selected nodes into a case',
    async () => {
      const app = await openApi(t.ctx, t.dir)
      try {
        await recomputeGangs(t.ctx, app.deps.live.detector)
        const inv = as(app, await login(app, 'investigator'))
        expect(
          (await as(app, await login(app, 'agent'))({ method: 'GET', url: '/api/gangs' }))
            .statusCode,
        ).toBe(403)
        const auditor = as(app, await login(app, 'auditor'))

        const list = await inv({ method: 'GET', url: '/api/gangs?sort=growth&limit=10' })
        expect(list.statusCode).toBe(200)
        expect(list.body).not.toContain(AGENT_PHONE)
        const row = list.json().items[0]
        expect(list.json().total).toBe(1)
        expect(row.agent_phones[0].identifier).toBe('phone:199****5678')
        const id = row.gang_id as string

        const detail = await auditor({ method: 'GET', url: `/api/gangs/${id}` })
        expect(detail.json().summary).toMatchObject({
          customers: 4,
          contacts: 4,
          channels: { online_ticket: 4 },
        })
        expect(detail.json().summary.detector_gang_ids).toHaveLength(1)

        const graph = (await inv({ method: 'GET', url: `/api/gangs/${id}/graph` })).json<Graph>()
        expect(graph.nodes.map((n) => n.kind).sort()).toEqual([
          'customer',
          'customer',
          'customer',
          'customer',
          'phone',
        ])
        expect(graph.edges).toHaveLength(4)
        expect(graph.nodes.every((n) => typeof n.x === 'number')).toBe(true)
        expect(JSON.stringify(graph)).not.toContain(AGENT_PHONE)
        const onlyWechat = (
          await inv({ method: 'GET', url: `/api/gangs/${id}/graph?kinds=wechat` })
        ).json<Graph>()
        expect(onlyWechat.edges).toHaveLength(0)

        const phone = graph.nodes.find((n) => n.kind === 'phone')
        const expanded = await inv({
          method: 'GET',
          url: `/api/gang-graph/expand?ref=${phone?.id}`,
        })
        expect(expanded.json<Graph>().edges).toHaveLength(4)
        expect(
          (await inv({ method: 'GET', url: '/api/gang-graph/expand?ref=ir_forged' })).statusCode,
        ).toBe(400)

        const selected = [phone?.id, graph.nodes.find((n) => n.label === 'C2')?.id]
        expect(
          (
            await auditor({
              method: 'POST',
              url: `/api/gangs/${id}/case`,
              payload: { nodes: selected },
            })
          ).statusCode,
        ).toBe(403)
        const opened = await inv({
          method: 'POST',
          url: `/api/gangs/${id}/case`,
          payload: { nodes: selected },
        })
        expect(opened.statusCode).toBe(201)
        expect(opened.json().added).toEqual({ contacts: 4, customers: 1, identifiers: 1 })
        const caseId = opened.json().case_id as string
        const again = await inv({
          method: 'POST',
          url: `/api/gangs/${id}/case`,
          payload: { nodes: [graph.nodes.find((n) => n.label === 'C3')?.id], case_id: caseId },
        })
        expect(again.json()).toMatchObject({
          case_id: caseId,
          opened: false,
          added: { customers: 1 },
        })
        const file = (await inv({ method: 'GET', url: `/api/cases/${caseId}` })).json()
        expect(
          file.members.customers.map((c: { customer_id: string }) => c.customer_id).sort(),
        ).toEqual(['C2', 'C3'])

        await app.deps.audit.flush()
        const actions = await t.ctx.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'like', 'gang%')
          .execute()
        expect(new Set(actions.map((a) => a.action))).toEqual(
          new Set(['gangs.list', 'gang.read', 'gang.graph', 'gang.expand', 'gang.case']),
        )
      } finally {
        await app.close()
      }
    },
  )
})
