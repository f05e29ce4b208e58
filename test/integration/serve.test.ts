// `grayline serve` as an installation runs it: an empty store gets the demo book, the server and
// a screening replica share one port, many connections at once are all answered (screening and
// the workbench alike), and stopping it frees the port.
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/access/index.js'
import { serve } from '../../src/server/start.js'
import type { StoreConfig } from '../../src/store/index.js'
import { PG_URL, testStores, useStore } from './stores.js'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer()
    s.once('error', () => resolve(false))
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
  })
}

describe.each(testStores)('grayline serve on $kind', (store) => {
  const t = useStore(store)
  let before: string | undefined
  beforeEach(() => {
    before = process.env.GRAYLINE_SCREEN_REPLICAS
    process.env.GRAYLINE_SCREEN_REPLICAS = '1'
  })
  afterEach(() => {
    if (before === undefined) delete process.env.GRAYLINE_SCREEN_REPLICAS
    else process.env.GRAYLINE_SCREEN_REPLICAS = before
  })

  it.skipIf(!store.available)(
    'serves the demo on one port with a screening replica and frees the port when stopped',
    async () => {
      const config: StoreConfig =
        t.store.kind === 'sqlite'
          ? { kind: 'sqlite', path: join(t.dir, 'test.db') }
          : { kind: 'postgres', url: PG_URL, schema: t.store.schema }
      const port = await freePort()
      const said: string[] = []
      const server = await serve({
        ctx: t.ctx,
        dataDir: t.dir,
        port,
        host: '127.0.0.1',
        demo: true,
        demoCustomers: 300,
        secureCookies: false,
        say: (line) => said.push(line),
        progress: () => undefined,
        store: config,
      })
      try {
        expect(said.join('\n')).toContain('1 screening replica')
        const login = await fetch(`${server.url}api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'agent', password: DEMO_PASSWORD }),
        })
        expect(login.status).toBe(200)
        const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] as string
        const phones = Array.from({ length: 120 }, (_, i) => `1391234${String(i).padStart(4, '0')}`)
        // Many at once: new connections land on both threads.
        const answers = await Promise.all([
          ...phones.map((phone) =>
            fetch(`${server.url}api/screen`, {
              method: 'POST',
              headers: { cookie, 'content-type': 'application/json' },
              body: JSON.stringify({ phone }),
            }).then(async (r) => ({
              status: r.status,
              body: (await r.json()) as { phone: string },
            })),
          ),
          ...Array.from({ length: 20 }, () =>
            fetch(`${server.url}api/contacts?limit=5`, { headers: { cookie } }).then(async (r) => ({
              status: r.status,
              body: (await r.json()) as { phone: string },
            })),
          ),
        ])
        expect(answers.filter((a) => a.status !== 200)).toEqual([])
        expect(answers.slice(0, phones.length).map((a) => a.body.phone)).toEqual(
          phones.map((p) => `${p.slice(0, 3)}****${p.slice(-4)}`),
        )
      } finally {
        await server.close()
      }
      expect(await canListen(port)).toBe(true)
    },
  )
})
