// Screening replicas as a CTI and the console meet them: a replica thread answers POST
// /api/screen the same as the server's thread, hands every other request over (with the same
// masking, roles and audit), and follows the server's changes before it answers again — a number
// put on the watchlist or a token revoked through one thread is seen at once through the other.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { App } from '../../src/server/app.js'
import { isScreenRequest } from '../../src/server/replica-messages.js'
import { ScreenReplicas, screenReplicaCount } from '../../src/server/screen-replicas.js'
import type { StoreConfig } from '../../src/store/index.js'
import {
  AGENT_PHONE,
  DEMO_PASSWORD,
  apiConfig,
  as,
  buildFilledApi,
  customers,
  fillStore,
  login,
  openApi,
} from './api-fixture.js'
import { PG_URL, testStores, useStore } from './stores.js'

describe('screening replica settings', () => {
  it('runs one replica from two cores unless told otherwise, and rejects a bad count', () => {
    expect(screenReplicaCount({}, 2)).toBe(1)
    expect(screenReplicaCount({}, 1)).toBe(0)
    expect(screenReplicaCount({ GRAYLINE_SCREEN_REPLICAS: '0' }, 8)).toBe(0)
    expect(screenReplicaCount({ GRAYLINE_SCREEN_REPLICAS: '3' }, 2)).toBe(3)
    expect(() => screenReplicaCount({ GRAYLINE_SCREEN_REPLICAS: 'two' }, 2)).toThrow(
      /GRAYLINE_SCREEN_REPLICAS/,
    )
  })

  it('answers only POST /api/screen itself', () => {
    expect(isScreenRequest('POST', '/api/screen')).toBe(true)
    expect(isScreenRequest('POST', '/api/screen?trace=1')).toBe(true)
    expect(isScreenRequest('GET', '/api/screen')).toBe(false)
    expect(isScreenRequest('POST', '/api/screens')).toBe(false)
    expect(isScreenRequest('POST', '/api/screen/x')).toBe(false)
  })
})

describe.each(testStores)('screening replicas on $kind', (store) => {
  const t = useStore(store)

  type Running = { app: App; replicas: ScreenReplicas; url: string; logged: string[] }
  const storeConfig = (): StoreConfig =>
    t.store.kind === 'sqlite'
      ? { kind: 'sqlite', path: join(t.dir, 'test.db') }
      : { kind: 'postgres', url: PG_URL, schema: t.store.schema }
  const withReplica = (fn: (r: Running) => Promise<void>) => async () => {
    const secret = randomBytes(32)
    const app = await openApi(t.ctx, t.dir, secret)
    const replicas = ScreenReplicas.start(1, {
      store: storeConfig(),
      rulesPath: app.deps.config.rulesPath,
      secret: new Uint8Array(secret),
      trustProxy: false,
      config: app.deps.config,
    })
    const logged: string[] = []
    replicas.connect({
      app: app.app,
      log: (line) => logged.push(line),
      live: app.deps.live,
      scripts: app.deps.scripts,
      credentials: app.deps.credentials,
    })
    // Its own port here, so that every request below reaches the replica, not the server's thread.
    const [port] = await replicas.listen({ port: 0, host: '127.0.0.1' })
    try {
      await fn({ app, replicas, url: `http://127.0.0.1:${port}`, logged })
    } finally {
      await replicas.close()
      await app.close()
    }
  }

  it.skipIf(!store.available)(
    'answers with the call script when it loaded before the server stored the scripts (a first start)',
    async () => {
      // As `grayline serve` starts: the replica loads beside the server's own start-up, and on a
      // fresh store the file's call scripts are stored only when the server's app is built.
      await fillStore(t.ctx, t.dir)
      const secret = randomBytes(32)
      const replicas = ScreenReplicas.start(1, {
        store: storeConfig(),
        rulesPath: apiConfig(t.dir).rulesPath,
        secret: new Uint8Array(secret),
        trustProxy: false,
        config: apiConfig(t.dir),
      })
      await replicas.loadedAll
      const app = await buildFilledApi(t.ctx, t.dir, secret)
      replicas.connect({
        app: app.app,
        log: () => undefined,
        live: app.deps.live,
        scripts: app.deps.scripts,
        credentials: app.deps.credentials,
      })
      const [port] = await replicas.listen({ port: 0, host: '127.0.0.1' })
      try {
        const session = await login(app, 'agent')
        const viaReplica = await call(`http://127.0.0.1:${port}`, session, 'POST', '/api/screen', {
          phone: AGENT_PHONE,
        })
        expect(viaReplica.status).toBe(200)
        const viaServer = await as(
          app,
          session,
        )({ method: 'POST', url: '/api/screen', payload: { phone: AGENT_PHONE } })
        expect(viaReplica.json()).toEqual(viaServer.json())
        expect((viaReplica.json() as { script: { id: string } }).script.id).toEqual(
          expect.any(String),
        )
      } finally {
        await replicas.close()
        await app.close()
      }
    },
  )

  /** A request to the replica, as a CTI or browser sends it. */
  const call_ = (...a: Parameters<typeof call>) => call(...a)
  async function call(
    url: string,
    session: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: () => unknown; text: string; type: string }> {
    const r = await fetch(url + path, {
      method,
      headers: {
        cookie: `grayline_session=${session}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await r.text()
    return {
      status: r.status,
      text,
      type: r.headers.get('content-type') ?? '',
      json: () => JSON.parse(text) as unknown,
    }
  }

  it.skipIf(!store.available)(
    'answers screening as the server does and hands the rest over, masked and audited',
    withReplica(async ({ app, url }) => {
      const session = await login(app, 'agent')
      const onServer = as(app, session)
      for (const phone of [AGENT_PHONE, customers[5]?.phone as string, '13812345678']) {
        const viaReplica = await call(url, session, 'POST', '/api/screen', { phone })
        expect(viaReplica.status).toBe(200)
        const viaServer = await onServer({ method: 'POST', url: '/api/screen', payload: { phone } })
        expect(viaReplica.json()).toEqual(viaServer.json())
      }
      const agency = (
        await call(url, session, 'POST', '/api/screen', { phone: AGENT_PHONE })
      ).json()
      expect(agency).toMatchObject({
        phone: '199****5678',
        risk: expect.stringMatching(/high|medium/),
      })

      // Validation errors come from the replica's own route, as problem+json naming the field.
      const bad = await call(url, session, 'POST', '/api/screen', { phone: '' })
      expect(bad.status).toBe(400)
      expect(bad.type).toContain('application/problem+json')
      expect(bad.text).toContain('phone')

      // Anything else is answered by the server's thread: a login (its cookie comes back through
      // the replica), the same masked queue, the same roles.
      const loggedIn = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'handler', password: DEMO_PASSWORD }),
      })
      expect(loggedIn.status).toBe(200)
      const cookie = loggedIn.headers.getSetCookie().find((c) => c.startsWith('grayline_session='))
      expect(cookie).toMatch(/HttpOnly/i)
      const handler = (cookie as string).split(';')[0]?.split('=')[1] as string
      const queue = await call(url, handler, 'GET', '/api/contacts?limit=10')
      expect(queue.status).toBe(200)
      const direct = await as(app, handler)({ method: 'GET', url: '/api/contacts?limit=10' })
      expect(queue.json()).toEqual(direct.json())
      expect(queue.text).not.toContain(AGENT_PHONE)
      expect((await call(url, 'not-a-session', 'GET', '/api/contacts')).status).toBe(401)

      // The replica's screenings are in the audit log with the agent and the masked number.
      await expect
        .poll(
          async () =>
            (
              await t.ctx.db
                .selectFrom('audit_log')
                .select(['actor', 'detail'])
                .where('action', '=', 'screen')
                .where('actor', '=', 'agent')
                .execute()
            ).length,
          { timeout: 15_000 },
        )
        .toBeGreaterThanOrEqual(7)
      const viewed = await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('actor', '=', 'handler')
        .execute()
      expect(viewed.map((v) => v.action)).toEqual(expect.arrayContaining(['auth.login']))
    }),
  )

  it.skipIf(!store.available)(
    'follows the watchlist and revoked credentials at once',
    withReplica(async ({ app, url, logged }) => {
      const investigator = await login(app, 'investigator')
      const agent = await login(app, 'agent')
      const fresh = '13512345670'
      const before = (await call(url, agent, 'POST', '/api/screen', { phone: fresh })).json() as {
        signals: { code: string }[]
      }
      expect(before.signals.map((s) => s.code)).not.toContain('watchlist')

      // Listed through the replica (handed to the server's thread), then screened through it.
      const added = await call(url, investigator, 'POST', '/api/watchlist', {
        kind: 'phone',
        value: fresh,
        label: '代理维权机构电话',
        reason: '受害客户举报的代理机构号码',
      })
      expect(added.status).toBe(201)
      const after = (await call(url, agent, 'POST', '/api/screen', { phone: fresh })).json() as {
        signals: { code: string }[]
      }
      expect(after.signals.map((s) => s.code)).toContain('watchlist')
      // And once the replica has made the change on its own copy, it still says so.
      await new Promise((r) => setTimeout(r, 300))
      const later = (await call(url, agent, 'POST', '/api/screen', { phone: fresh })).json() as {
        signals: { code: string }[]
      }
      expect(later.signals.map((s) => s.code)).toContain('watchlist')

      // Logging out on the server's thread ends the session on the replica too.
      expect((await call(url, agent, 'POST', '/api/screen', { phone: fresh })).status).toBe(200)
      await as(app, agent)({ method: 'POST', url: '/api/auth/logout' })
      expect((await call(url, agent, 'POST', '/api/screen', { phone: fresh })).status).toBe(401)
      expect(logged).toEqual([])
    }),
  )

  it.skipIf(!store.available)(
    'takes in a call an agent records before it screens the number again',
    withReplica(async ({ url, app, logged }) => {
      const agent = await login(app, 'agent')
      const call = await call_(url, agent, 'POST', '/api/calls', {
        script_id: 'suspected-agency',
        phone: AGENT_PHONE,
        customer_id: 'C5',
      })
      expect(call.status).toBe(201)
      const contactId = (call.json() as { contact_id: string }).contact_id
      const asked = { phone: AGENT_PHONE, customer_id: 'C5' }
      const screened = async () =>
        (
          (await call_(url, agent, 'POST', '/api/screen', asked)).json() as {
            recent_contacts: { contact_id: string }[]
          }
        ).recent_contacts.map((c) => c.contact_id)
      // At once (the server's thread answers while the replica catches up), and afterwards.
      expect(await screened()).toContain(contactId)
      await new Promise((r) => setTimeout(r, 300))
      expect(await screened()).toContain(contactId)
      const onServer = await as(
        app,
        agent,
      )({
        method: 'POST',
        url: '/api/screen',
        payload: { phone: AGENT_PHONE },
      })
      expect(
        (await call_(url, agent, 'POST', '/api/screen', { phone: AGENT_PHONE })).json(),
      ).toEqual(onServer.json())
      expect(logged).toEqual([])
    }),
  )

  it.skipIf(!store.available)(
    'takes an upload through the replica, and screens from the new detector once it is in',
    withReplica(async ({ url, app, logged }) => {
      const handler = await login(app, 'handler')
      const agent = await login(app, 'agent')
      // Five more customers spoken for by one new number, uploaded through the replica.
      const phone = '17712345678'
      const lines = ['C1', 'C2', 'C3', 'C4', 'C5'].map((customer_id, i) =>
        JSON.stringify({
          contact_id: `U${i + 1}`,
          channel: 'online_ticket',
          received_at: `2026-04-0${i + 1}T09:00:00+08:00`,
          customer_id,
          caller: { phone, role: 'agent' },
          text: '本人委托代理人全权处理，要求停息挂账、只还本金，请勿再联系借款人本人。',
        }),
      )
      const form = new FormData()
      form.append('file', new Blob([lines.join('\n') + '\n']), 'letters.jsonl')
      const upload = await fetch(`${url}/api/imports/contacts`, {
        method: 'POST',
        headers: { cookie: `grayline_session=${handler}` },
        body: form,
      })
      expect(upload.status).toBe(200)
      expect(await upload.json()).toMatchObject({ lines: 5, inserted: 5, rejected: 0 })
      const asked = async () =>
        (await call_(url, agent, 'POST', '/api/screen', { phone })).json() as {
          risk: string
          signals: { code: string }[]
        }
      const onServer = async () =>
        (
          await as(app, agent)({ method: 'POST', url: '/api/screen', payload: { phone } })
        ).json<unknown>()
      // Right after the upload (the server's thread answers while the replica reloads) and later.
      expect(await asked()).toEqual(await onServer())
      expect((await asked()).risk).not.toBe('none')
      await new Promise((r) => setTimeout(r, 1500))
      expect(await asked()).toEqual(await onServer())
      expect(logged).toEqual([])
    }),
  )
})
