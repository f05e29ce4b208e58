// An API over a small, realistic book on a test store: four borrowers spoken for by one agency
// phone with a template letter, one genuine complainant, and one user per role.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { createDemoUsers } from '../../src/access/index.js'
import type { Context } from '../../src/context.js'
import { assessFiles, loadRuleSet } from '../../src/detect/index.js'
import type { App } from '../../src/server/app.js'
import { buildApp } from '../../src/server/app.js'
import type { ServerConfig } from '../../src/server/deps.js'
import { LiveDetector } from '../../src/server/live-detector.js'
import { buildContact, buildCustomer, validIdNumber, writeJsonl } from './builders.js'

export const AGENT_PHONE = '19912345678'
export const DEMO_PASSWORD = 'grayline-demo'

const LETTER =
  '本人因疫情失业收入中断，无力偿还贵司借款，现委托代理人全权处理。要求贵司停息挂账、只还本金，' +
  '并全额退还已收取的利息和服务费，否则将向银保监会、人民银行和黑猫投诉平台投诉，请勿再联系借款人本人。'

export const customers = Array.from({ length: 6 }, (_, i) =>
  buildCustomer({
    customer_id: `C${i + 1}`,
    name: ['王建国', '李秀英', '张伟', '刘洋', '陈静', '赵磊'][i],
    phone: `1390000${String(1000 + i)}`,
    id_number: validIdNumber('330106', '19870512', String(100 + i)),
    address: '浙江省杭州市西湖区文三路100号',
  }),
)

export const contacts = [
  ...[1, 2, 3, 4].map((n) =>
    buildContact({
      contact_id: `A${n}`,
      customer_id: `C${n}`,
      channel: 'online_ticket',
      received_at: `2026-04-0${n}T10:00:00+08:00`,
      caller: { phone: AGENT_PHONE, role: 'agent', name: '李助理' },
      claimed: { name: customers[n - 1]?.name },
      demands: ['停息挂账', '只还本金'],
      text: `${customers[n - 1]?.name}，身份证号${customers[n - 1]?.id_number}。${LETTER}`,
    }),
  ),
  buildContact({
    contact_id: 'G1',
    customer_id: 'C6',
    channel: 'app_feedback',
    received_at: '2026-04-05T11:00:00+08:00',
    caller: { phone: '139 0000 1005', role: 'self' },
    text: '本月自动扣款失败，请帮忙看一下是什么原因，我的电话13900001005。',
  }),
]

export type ApiFixture = {
  app: App
  ctx: Context
  inject: (o: InjectOptions) => Promise<LightMyRequestResponse>
}

export async function openApi(ctx: Context, dir: string, secret = randomBytes(32)): Promise<App> {
  await fillStore(ctx, dir)
  return buildFilledApi(ctx, dir, secret)
}

/** The fixture's customers and contacts assessed, and the demo users: a store as served. */
export async function fillStore(ctx: Context, dir: string): Promise<void> {
  await assessFiles(ctx, {
    rules: loadRuleSet(),
    customers: writeJsonl(dir, 'customers.jsonl', customers),
    contacts: writeJsonl(dir, 'contacts.jsonl', contacts),
  })
  await createDemoUsers(ctx)
}

export function apiConfig(dir: string): ServerConfig {
  return {
    secureCookies: true,
    uploadDir: join(dir, 'uploads'),
    maxUploadBytes: 1024 * 1024,
    rulesPath: 'rules/default.json',
  }
}

/** The app over a filled store (its build stores the file's call scripts on a fresh one). */
export async function buildFilledApi(ctx: Context, dir: string, secret: Buffer): Promise<App> {
  const live = await LiveDetector.load(ctx, loadRuleSet())
  return buildApp({ ctx, live, secret, config: apiConfig(dir) })
}

/** Logs in and returns the session cookie to send with later requests. */
export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  })
  if (r.statusCode !== 200) throw new Error(`login as ${username}: ${r.statusCode} ${r.body}`)
  const cookie = r.cookies.find((c) => c.name === 'grayline_session')
  if (!cookie) throw new Error('no session cookie')
  return cookie.value
}

export function as(app: App, session: string) {
  return (o: InjectOptions) =>
    app.app.inject({ ...o, cookies: { ...(o.cookies ?? {}), grayline_session: session } })
}
