// The HTTP API as its users use it: log in, screen, work the queue, unmask with a reason, list on
// the watchlist, upload a file with a bad line; masking, roles and the audit trail throughout.
import { describe, expect, it } from 'vitest'
import type { App } from '../../src/server/app.js'
import { AGENT_PHONE, as, contacts, customers, login, openApi } from './api-fixture.js'
import { testStores, useStore } from './stores.js'

const RAW_VALUES = [
  AGENT_PHONE,
  ...customers.flatMap((c) => [c.phone?.replaceAll(' ', ''), c.id_number, c.name]),
].filter((v): v is string => typeof v === 'string')

/** The raw personal values of the fixture that appear in a response body. */
function leaked(body: string): string[] {
  return RAW_VALUES.filter((v) => body.includes(v))
}

describe.each(testStores)('HTTP API on $kind', (store) => {
  const t = useStore(store)
  const withApp = (fn: (app: App) => Promise<void>) => async () => {
    const app = await openApi(t.ctx, t.dir)
    try {
      await fn(app)
    } finally {
      await app.close()
    }
  }

  it.skipIf(!store.available)(
    'refuses the unauthenticated with problem+json and locks an account after five failures',
    withApp(async (app) => {
      const anon = await app.app.inject({ method: 'GET', url: '/api/contacts' })
      expect(anon.statusCode).toBe(401)
      expect(anon.headers['content-type']).toContain('application/problem+json')
      expect(anon.json()).toMatchObject({
        status: 401,
        type: expect.stringMatching(/unauthenticated$/),
      })

      const wrong = {
        method: 'POST' as const,
        url: '/api/auth/login',
        payload: { username: 'handler', password: 'not-the-password' },
      }
      for (let i = 0; i < 4; i++) expect((await app.app.inject(wrong)).statusCode).toBe(401)
      // The fifth failure locks the account; the right password then does not open it either.
      expect((await app.app.inject(wrong)).statusCode).toBe(423)
      const locked = await app.app.inject({
        ...wrong,
        payload: { username: 'handler', password: 'grayline-demo' },
      })
      expect(locked.statusCode).toBe(423)
      expect(locked.json().retry_after).toBeGreaterThan(0)
      // Another account is not affected.
      expect(await login(app, 'investigator')).toBeTruthy()
    }),
  )

  it.skipIf(!store.available)(
    'sets an HTTP-only, strict, secure session cookie and applies roles per route',
    withApp(async (app) => {
      const r = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'agent', password: 'grayline-demo' },
      })
      const cookie = r.cookies.find((c) => c.name === 'grayline_session')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' })
      const agent = as(app, cookie!.value)
      expect((await agent({ method: 'GET', url: '/api/auth/me' })).json().user.role).toBe('agent')
      expect((await agent({ method: 'GET', url: '/api/users' })).statusCode).toBe(403)
      expect(
        (
          await agent({
            method: 'POST',
            url: '/api/contacts/A1/unmask',
            payload: { reason: '核实客户身份' },
          })
        ).statusCode,
      ).toBe(403)
      const auditor = as(app, await login(app, 'auditor'))
      expect(
        (await auditor({ method: 'POST', url: '/api/screen', payload: { phone: AGENT_PHONE } }))
          .statusCode,
      ).toBe(403)
      expect((await auditor({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200)
      const handler = as(app, await login(app, 'handler'))
      expect((await handler({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403)
      await handler({ method: 'POST', url: '/api/auth/logout' })
    }),
  )

  it.skipIf(!store.available)(
    'screens an agency number as the call rings, masked, with the script to read',
    withApp(async (app) => {
      const agent = as(app, await login(app, 'agent'))
      const r = await agent({
        method: 'POST',
        url: '/api/screen',
        payload: { phone: '+86 199-1234-5678' },
      })
      expect(r.statusCode).toBe(200)
      const body = r.json()
      expect(body.risk).toMatch(/medium|high/)
      expect(body.phone).toBe('199****5678')
      expect(body.reasons.length).toBeGreaterThan(0)
      expect(body.script).toMatchObject({ id: body.recommended_script, version: 1 })
      expect(
        body.script.steps.map((s: { say: { 'zh-CN': string } }) => s.say['zh-CN']).join(''),
      ).toContain('第三方')
      expect(leaked(r.body)).toEqual([])

      const own = await agent({
        method: 'POST',
        url: '/api/screen',
        payload: { phone: '13900001005' },
      })
      expect(own.json()).toMatchObject({
        customer_id: 'C6',
        risk: 'none',
        recommended_script: 'standard-service',
      })

      const bad = await agent({
        method: 'POST',
        url: '/api/screen',
        payload: { customer_id: 'C1' },
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'phone' })])
    }),
  )

  it.skipIf(!store.available)(
    'lists and filters the queue with masked data, and follows an identifier ref',
    withApp(async (app) => {
      const handler = as(app, await login(app, 'handler'))
      const all = await handler({ method: 'GET', url: '/api/contacts?limit=3' })
      expect(all.statusCode).toBe(200)
      const page1 = all.json()
      expect(page1.total).toBe(contacts.length)
      expect(page1.items.map((i: { contact_id: string }) => i.contact_id)).toEqual([
        'G1',
        'A4',
        'A3',
      ])
      const page2 = (
        await handler({ method: 'GET', url: `/api/contacts?limit=3&cursor=${page1.next_cursor}` })
      ).json()
      expect(page2.items.map((i: { contact_id: string }) => i.contact_id)).toEqual(['A2', 'A1'])
      expect(page2.next_cursor).toBeNull()
      expect(leaked(all.body)).toEqual([])
      expect(page1.items[1]).toMatchObject({ customer_name: '刘*', caller: 'phone:199****5678' })

      const flagged = (
        await handler({ method: 'GET', url: '/api/contacts?risk=medium,high' })
      ).json()
      expect(flagged.items.map((i: { contact_id: string }) => i.contact_id).sort()).toEqual([
        'A1',
        'A2',
        'A3',
        'A4',
      ])

      const detail = await handler({ method: 'GET', url: '/api/contacts/A2' })
      expect(leaked(detail.body)).toEqual([])
      const d = detail.json()
      expect(d.assessment.signals.length).toBeGreaterThan(0)
      const caller = d.identifiers.find(
        (i: { role: string; kind: string }) => i.role === 'caller' && i.kind === 'phone',
      )
      expect(caller).toMatchObject({ identifier: 'phone:199****5678', customers: 4 })
      expect(d.linked_customers.map((c: { customer_id: string }) => c.customer_id).sort()).toEqual([
        'C1',
        'C3',
        'C4',
      ])
      const viaRef = (
        await handler({ method: 'GET', url: `/api/contacts?identifier=${caller.ref}` })
      ).json()
      expect(viaRef.total).toBe(4)
      const forged = await handler({
        method: 'GET',
        url: '/api/contacts?identifier=ir_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      })
      expect(forged.statusCode).toBe(400)
      const badRisk = await handler({ method: 'GET', url: '/api/contacts?risk=extreme' })
      expect(badRisk.statusCode).toBe(400)
      expect(badRisk.json().errors[0].field).toMatch(/^risk/)
    }),
  )

  it.skipIf(!store.available)(
    'unmasks only with a reason, writes it to the audit log first, and the log cannot be edited',
    withApp(async (app) => {
      const handler = as(app, await login(app, 'handler'))
      expect(
        (await handler({ method: 'POST', url: '/api/contacts/A1/unmask', payload: {} })).statusCode,
      ).toBe(400)
      const r = await handler({
        method: 'POST',
        url: '/api/contacts/A1/unmask',
        payload: { reason: '客户来电核实授权' },
      })
      expect(r.statusCode).toBe(200)
      expect(r.json().contact.caller.phone).toBe(AGENT_PHONE)
      const auditor = as(app, await login(app, 'auditor'))
      const log = (await auditor({ method: 'GET', url: '/api/audit?action=contact.unmask' })).json()
      expect(log.items[0]).toMatchObject({
        actor: 'handler',
        action: 'contact.unmask',
        target_id: 'A1',
        detail: { reason: '客户来电核实授权' },
      })
      const reads = (await auditor({ method: 'GET', url: '/api/audit?actor=handler' })).json()
      expect(reads.items.map((i: { action: string }) => i.action)).toContain('auth.login')
      await expect(t.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
    }),
  )

  it.skipIf(!store.available)(
    'records bulk review decisions that filter the queue and never remove a contact',
    withApp(async (app) => {
      const handler = as(app, await login(app, 'handler'))
      const r = await handler({
        method: 'POST',
        url: '/api/contacts/review',
        payload: { contact_ids: ['A1', 'A2'], decision: 'confirmed_agency', note: '同一代理号码' },
      })
      expect(r.json()).toEqual({ reviewed: 2 })
      const confirmed = (
        await handler({ method: 'GET', url: '/api/contacts?review=confirmed_agency' })
      ).json()
      expect(confirmed.items.map((i: { contact_id: string }) => i.contact_id)).toEqual(['A2', 'A1'])
      expect(confirmed.items[0].review).toMatchObject({
        decision: 'confirmed_agency',
        reviewed_by: 'handler',
      })
      const open = (await handler({ method: 'GET', url: '/api/contacts?review=unreviewed' })).json()
      expect(open.total).toBe(contacts.length - 2)
      const unknown = await handler({
        method: 'POST',
        url: '/api/contacts/review',
        payload: { contact_ids: ['A1', 'NOPE'], decision: 'genuine' },
      })
      expect(unknown.statusCode).toBe(404)
    }),
  )

  it.skipIf(!store.available)(
    'lists an identifier from a contact on the watchlist and screening sees it at once',
    withApp(async (app) => {
      const investigator = as(app, await login(app, 'investigator'))
      const d = (await investigator({ method: 'GET', url: '/api/contacts/A1' })).json()
      const ref = d.identifiers.find(
        (i: { role: string; kind: string }) => i.role === 'caller' && i.kind === 'phone',
      ).ref
      const added = await investigator({
        method: 'POST',
        url: '/api/watchlist',
        payload: { ref, label: '代理维权机构电话', reason: '四位客户由同一号码代投诉' },
      })
      expect(added.statusCode).toBe(201)
      const entry = added.json()
      expect(entry).toMatchObject({
        kind: 'phone',
        value: '199****5678',
        added_by: 'investigator',
        active: true,
      })
      expect(leaked(added.body)).toEqual([])
      const screened = (
        await investigator({ method: 'POST', url: '/api/screen', payload: { phone: AGENT_PHONE } })
      ).json()
      expect(screened.signals.map((s: { code: string }) => s.code)).toContain('watchlist')
      const gone = await investigator({
        method: 'DELETE',
        url: `/api/watchlist/${entry.entry_key}`,
        payload: { reason: '误报' },
      })
      expect(gone.statusCode).toBe(204)
      const list = (
        await investigator({ method: 'GET', url: '/api/watchlist?include_expired=true' })
      ).json()
      expect(list.items[0]).toMatchObject({ active: false })
      const history = (
        await investigator({ method: 'GET', url: `/api/watchlist/${entry.entry_key}/history` })
      ).json()
      expect(history.items.length).toBe(2)
    }),
  )

  it.skipIf(!store.available)(
    'imports an uploaded file, keeps the good lines and reports the bad one by line and field',
    withApp(async (app) => {
      const handler = as(app, await login(app, 'handler'))
      const lines = [
        JSON.stringify({
          contact_id: 'U1',
          channel: 'letter',
          received_at: '2026-04-07T09:00:00+08:00',
          customer_id: 'C5',
          text: '要求停息挂账。',
        }),
        JSON.stringify({
          contact_id: 'U2',
          channel: 'fax',
          received_at: '2026-04-07T09:00:00+08:00',
        }),
      ]
      const boundary = '----grayline'
      const payload =
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="letters.jsonl"\r\n` +
        `Content-Type: application/x-ndjson\r\n\r\n${lines.join('\n')}\n\r\n--${boundary}--\r\n`
      const r = await handler({
        method: 'POST',
        url: '/api/imports/contacts',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      })
      expect(r.statusCode).toBe(200)
      expect(r.json()).toMatchObject({
        lines: 2,
        inserted: 1,
        rejected: 1,
        rejects: [{ line: 2, field: 'channel' }],
        assessed: 1,
      })
      const u1 = await handler({ method: 'GET', url: '/api/contacts/U1' })
      expect(u1.json().assessment).not.toBeNull()
    }),
  )

  it.skipIf(!store.available)(
    'gives integrations API tokens that stop working when revoked',
    withApp(async (app) => {
      const admin = as(app, await login(app, 'admin'))
      const created = await admin({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'CTI', role: 'agent' },
      })
      expect(created.statusCode).toBe(201)
      const { token, token_id } = created.json()
      expect(token).toMatch(/^glt_/)
      const bearer = { authorization: `Bearer ${token}` }
      expect(
        (
          await app.app.inject({
            method: 'POST',
            url: '/api/screen',
            headers: bearer,
            payload: { phone: AGENT_PHONE },
          })
        ).statusCode,
      ).toBe(200)
      expect(
        (await app.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode,
      ).toBe(403)
      await admin({ method: 'DELETE', url: `/api/tokens/${token_id}` })
      expect(
        (
          await app.app.inject({
            method: 'POST',
            url: '/api/screen',
            headers: bearer,
            payload: { phone: AGENT_PHONE },
          })
        ).statusCode,
      ).toBe(401)
      expect(
        (await app.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode,
      ).toBe(401)
      expect(
        JSON.stringify((await admin({ method: 'GET', url: '/api/tokens' })).json()),
      ).not.toContain(token)
    }),
  )

  it.skipIf(!store.available)(
    'serves the OpenAPI 3.1 description, the rule set and the dashboard figures',
    withApp(async (app) => {
      const doc = (await app.app.inject({ method: 'GET', url: '/api/docs/json' })).json()
      expect(doc.openapi).toBe('3.1.0')
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/screen', '/api/contacts', '/api/watchlist']),
      )
      const auditor = as(app, await login(app, 'auditor'))
      const rules = (await auditor({ method: 'GET', url: '/api/rules' })).json()
      expect(rules.versions[0]).toMatchObject({
        version: rules.current.version,
        contacts_assessed: contacts.length,
      })
      const stats = await auditor({ method: 'GET', url: '/api/stats' })
      expect(stats.statusCode).toBe(200)
      expect(leaked(stats.body)).toEqual([])
      expect(stats.json().top_fan_out).toContainEqual(
        expect.objectContaining({
          identifier: 'phone:199****5678',
          customers: 4,
        }),
      )
    }),
  )
})
