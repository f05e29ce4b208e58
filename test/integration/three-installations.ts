// Three real Grayline installations on loopback, each on its own store and port, built with the
// app factory: the consortium's token service and two lenders. Lender B has its own book with the
// agency's phone; lender A has the API fixture's book, where the same agency speaks for four
// borrowers. Every HTTP exchange between installations goes through a recording fetch.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { createDemoUsers } from '../../src/access/index.js'
import { assessFiles, loadRuleSet } from '../../src/detect/index.js'
import type { App } from '../../src/server/app.js'
import { buildApp } from '../../src/server/app.js'
import { LiveDetector } from '../../src/server/live-detector.js'
import type { SharingOptions } from '../../src/server/sharing-setup.js'
import { createPeer } from '../../src/sharing/sharing-peers.js'
import { AGENT_PHONE, contacts, customers, login } from './api-fixture.js'
import { buildContact, buildCustomer, validIdNumber, writeJsonl } from './builders.js'
import type { OpenTestStore, TestStore } from './stores.js'

export const B_CUSTOMERS = ['孙丽华', '周志强', '吴敏'].map((name, i) =>
  buildCustomer({
    customer_id: `B${i + 1}`,
    name,
    phone: `1380013${String(8000 + i)}`,
    id_number: validIdNumber('110105', '19900101', String(200 + i)),
    address: '北京市朝阳区建国路88号',
  }),
)

const B_CONTACTS = B_CUSTOMERS.map((c, i) =>
  buildContact({
    contact_id: `BC${i + 1}`,
    customer_id: c.customer_id,
    channel: 'call',
    received_at: `2026-10-0${i + 1}T10:00:00+08:00`,
    caller: { phone: AGENT_PHONE, role: 'agent', name: '李助理' },
    claimed: { name: c.name },
    text: `我是${c.name}的代理人，要求停息挂账。`,
  }),
)

export type Exchange = {
  method: string
  url: string
  request: string
  status: number
  response: string
}

/** A fetch that keeps every body sent and received between installations. */
export function recordingFetch(log: Exchange[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init)
    const text = await res.clone().text()
    log.push({
      method: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : input.toString(),
      request: typeof init?.body === 'string' ? init.body : '',
      status: res.status,
      response: text,
    })
    return res
  }
}

export type Installation = { app: App; url: string; store: OpenTestStore; admin: string }

async function install(
  s: TestStore,
  book: 'a' | 'b' | null,
  sharing: SharingOptions,
): Promise<Installation> {
  const store = await s.open()
  const rules = loadRuleSet()
  if (book)
    await assessFiles(store.ctx, {
      rules,
      customers: writeJsonl(store.dir, 'customers.jsonl', book === 'a' ? customers : B_CUSTOMERS),
      contacts: writeJsonl(store.dir, 'contacts.jsonl', book === 'a' ? contacts : B_CONTACTS),
    })
  await createDemoUsers(store.ctx)
  const app = await buildApp({
    ctx: store.ctx,
    live: await LiveDetector.load(store.ctx, rules),
    secret: randomBytes(32),
    config: {
      secureCookies: false,
      uploadDir: join(store.dir, 'uploads'),
      maxUploadBytes: 1 << 20,
      rulesPath: 'rules/default.json',
    },
    sharing,
  })
  const url = await app.app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url: `${url}/`, store, admin: await login(app, 'admin') }
}

export type Consortium = {
  service: Installation
  a: Installation
  b: Installation
  aTokenAtService: string
}

/** A's daily quota at the service: enough for its book, far too little to enumerate numbers. */
export const A_QUOTA = 60

export async function threeInstallations(s: TestStore, exchanges: Exchange[]): Promise<Consortium> {
  const fetch = recordingFetch(exchanges)
  const service = await install(s, null, {
    consortium: 'cfc-east',
    installation: 'consortium',
    requestsPerMinute: 600,
  })
  const aTokenAtService = (
    await createPeer(service.store.ctx, {
      peer_id: 'lender-a',
      name: 'Lender A',
      daily_quota: A_QUOTA,
    })
  ).token
  const bTokenAtService = (
    await createPeer(service.store.ctx, { peer_id: 'lender-b', name: 'Lender B' })
  ).token
  const member = (token: string) => ({
    consortiumUrl: service.url,
    consortiumToken: token,
    consortium: 'cfc-east',
    fetch,
  })
  const b = await install(s, 'b', {
    installation: 'Lender B',
    member: { ...member(bTokenAtService), remotes: [] },
  })
  const aTokenAtB = (
    await createPeer(b.store.ctx, { peer_id: 'lender-a', name: 'Lender A', groups: ['east'] })
  ).token
  const a = await install(s, 'a', {
    installation: 'Lender A',
    member: {
      ...member(aTokenAtService),
      remotes: [{ name: 'lender-b', url: `${b.url}taxii2/`, token: aTokenAtB }],
    },
  })
  return { service, a, b, aTokenAtService }
}

export async function closeAll(c: Consortium | undefined): Promise<void> {
  for (const i of c ? [c.a, c.b, c.service] : []) {
    await i.app.close()
    await i.store.close()
  }
}

/** An API call as the installation's admin. */
export async function asAdmin(
  i: Installation,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
) {
  return i.app.app.inject({
    method,
    url,
    payload: payload as object,
    cookies: { grayline_session: i.admin },
  })
}
