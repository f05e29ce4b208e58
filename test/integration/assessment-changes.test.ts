// Assessment changes with their reasons: a new call from an agency's number for one more customer
// re-assesses the number's earlier contacts, and each change names the new contact as its reason.
import { describe, expect, it } from 'vitest'
import { AGENT_PHONE, as, login, openApi } from './api-fixture.js'
import { testStores, useStore } from './stores.js'

describe.each(testStores)('assessment changes on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)(
    "logs the change a new linked call brings to the caller's earlier contacts, with the call as the reason",
    async () => {
      const app = await openApi(t.ctx, t.dir)
      try {
        const agent = as(app, await login(app, 'agent'))
        const call = (
          await agent({
            method: 'POST',
            url: '/api/calls',
            payload: { script_id: 'suspected-agency', phone: AGENT_PHONE, customer_id: 'C5' },
          })
        ).json()
        const changes = (
          await agent({ method: 'GET', url: '/api/assessment-changes?contact_id=A1' })
        ).json().items
        expect(changes).toEqual([
          expect.objectContaining({
            contact_id: 'A1',
            risk_before: expect.any(String),
            score_before: expect.any(Number),
            reason: expect.objectContaining({
              kind: 'linked_contact',
              ref: call.contact_id,
              actor: 'agent',
            }),
          }),
        ])
        expect(changes[0].score_after).toBeGreaterThan(changes[0].score_before)
        expect(changes[0].reason.text).toContain('新的关联联系记录')
        // The genuine complainant's contact shares nothing with the call: nothing logged for it.
        const g1 = (
          await agent({ method: 'GET', url: '/api/assessment-changes?contact_id=G1' })
        ).json()
        expect(g1.items).toEqual([])
      } finally {
        await app.close()
      }
    },
  )
})
