// Is the gang graph view fluid at 5,000 nodes? A real server (the browser tests' harness: SQLite,
// the built console) with an agency of N clients imported, assessed and grouped into gangs; the
// system Chromium opens the largest gang's page, where sigma.js draws the graph (WebGL — without
// a GPU, SwiftShader on the CPU), and the script pans and zooms it for a few seconds while the page
// records every frame with requestAnimationFrame. Prints the frame times (median, p95, p99, worst)
// and keeps screenshots in test-results/screenshots/gang-graph-5000*.png (the page; the graph while
// dragged and at rest).
// Usage: npx tsx bench/gang-graph-bench.ts [clients=4500] [seconds=6]
import { execSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import type { Contact, Customer } from '../src/contract/index.js'
import { assessFiles } from '../src/detect/index.js'
import { recomputeGangs } from '../src/gangs/index.js'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  SHOTS_DIR,
  startBrowserServer,
  withChineseFont,
} from '../test/browser/browser-server.js'
import {
  buildContact,
  buildCustomer,
  validIdNumber,
  writeJsonl,
} from '../test/integration/builders.js'

const clients = Number(process.argv[2] ?? 4500)
const seconds = Number(process.argv[3] ?? 6)

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'
const GIVEN = ['建国', '秀英', '伟', '洋', '静', '磊', '敏', '勇', '丽', '强', '婷', '浩']
const ORGANIZATION = '安信债务优化咨询有限公司'
const CERTIFICATE = 'c0ffee'.repeat(10) + 'beef'
const LETTER =
  '本人因失业收入中断，无力偿还贵司借款，现委托代理人全权处理。要求贵司停息挂账、只还本金，' +
  '并全额退还已收取的利息和服务费，否则将向金融监管总局投诉，请勿再联系借款人本人。'

/**
 * One agency working `n` clients: a call to each from one of n/5 agent phones (five clients a
 * phone), and for every second client a ticket from one of 30 WeChat ids on the office PC — about
 * n customers + n/5 phones + 30 WeChat ids + the organisation, device and certificate as nodes.
 */
function agencyBook(n: number, now = new Date()): { customers: Customer[]; contacts: Contact[] } {
  const customers: Customer[] = []
  const contacts: Contact[] = []
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString()
  for (let i = 0; i < n; i++) {
    const id = `GX${String(i + 1).padStart(5, '0')}`
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`
    customers.push(
      buildCustomer({
        customer_id: id,
        name,
        phone: `139${String(10_000_000 + i * 37)}`,
        id_number: validIdNumber('330106', '19880101', String(100 + (i % 800))),
      }),
    )
    const daysAgo = 5 + (i % 120)
    contacts.push(
      buildContact({
        contact_id: `GX-call-${i}`,
        customer_id: id,
        received_at: at(daysAgo),
        caller: {
          phone: `177${String(55_000_000 + Math.floor(i / 5))}`,
          role: 'agent',
          name: '周专员',
          organization: ORGANIZATION,
        },
        demands: ['停息挂账', '只还本金'],
        text: `${name}的代理人来电。${LETTER}`,
      }),
    )
    if (i % 2 === 0)
      contacts.push(
        buildContact({
          contact_id: `GX-ticket-${i}`,
          customer_id: id,
          channel: 'online_ticket',
          source: 'web',
          received_at: at(daysAgo - 0.5),
          caller: { wechat: `anxin_helper${String(i % 30).padStart(2, '0')}`, role: 'agent' },
          network: { device_id: 'AGENCY-OFFICE-PC-0017' },
          text: `${name}：${LETTER}`,
          attachments: i % 5 === 0 ? [{ kind: 'medical', sha256: CERTIFICATE }] : [],
        }),
      )
  }
  return { customers, contacts }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

/** In the page: every frame's interval, from requestAnimationFrame, until `__stopFrames()`. */
const RECORD_FRAMES = `(() => {
  const frames = []
  let recording = true
  let last = 0
  const tick = (t) => {
    frames.push(t - last)
    last = t
    if (recording) requestAnimationFrame(tick)
  }
  requestAnimationFrame((t) => {
    last = t
    requestAnimationFrame(tick)
  })
  window.__stopFrames = () => {
    recording = false
    return frames
  }
})()`

/** Starts recording frame intervals in the page; returns a function that stops and reads them. */
async function recordFrames(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(RECORD_FRAMES)
  return () => page.evaluate<number[]>('window.__stopFrames()')
}

type Box = { x: number; y: number; width: number; height: number }

/**
 * Circles the mouse over `box` for about `ms` milliseconds: with `drag`, holding the button (a pan)
 * and turning the wheel in and out after each circle; without, only moving (the idle control).
 */
async function circleMouse(page: Page, box: Box, ms: number, drag: boolean) {
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const until = Date.now() + ms
  for (let round = 0; Date.now() < until; round++) {
    if (drag) {
      await page.mouse.move(cx, cy)
      await page.mouse.down()
    }
    for (let s = 1; s <= 20; s++) {
      const a = (2 * Math.PI * s) / 20 + round
      await page.mouse.move(cx + Math.cos(a) * 180, cy + Math.sin(a) * 120)
    }
    if (!drag) continue
    await page.mouse.up()
    for (let s = 0; s < 6; s++) {
      await page.mouse.wheel(0, round % 2 === 0 ? -240 : 240)
      await page.waitForTimeout(40)
    }
  }
}

function summary(label: string, frames: number[]): void {
  const sorted = [...frames].sort((a, b) => a - b)
  const total = frames.reduce((s, f) => s + f, 0)
  const slow = frames.filter((f) => f > 50).length
  console.log(
    `${label}: ${frames.length} frames in ${(total / 1000).toFixed(1)} s (${((frames.length * 1000) / total).toFixed(1)} fps): frame time median ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms, worst ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms; ${slow} over 50 ms`,
  )
}

const model = cpus()[0]?.model ?? 'unknown CPU'
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
console.log(
  `machine: ${execSync('nproc').toString().trim()} cores (${model}), Node ${process.versions.node}, ${execSync(`${CHROMIUM} --version`).toString().trim()}; load average ${load()}`,
)
mkdirSync(SHOTS_DIR, { recursive: true })
let at = performance.now()
const server = await startBrowserServer(200)
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  // WebGL without a GPU: SwiftShader, which newer Chromium builds only use when asked.
  args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader'],
})
try {
  const book = agencyBook(clients)
  const live = server.app.deps.live
  const r = await assessFiles(server.ctx, {
    rules: live.rules,
    customers: writeJsonl(SHOTS_DIR, 'gang-bench-customers.jsonl', book.customers),
    contacts: writeJsonl(SHOTS_DIR, 'gang-bench-contacts.jsonl', book.contacts),
  })
  live.replace(r.detector)
  await live.exclusive(() => recomputeGangs(server.ctx, r.detector))
  const gang = await server.ctx.db
    .selectFrom('gangs')
    .select(['gang_id', 'nodes', 'customers'])
    .where('status', '=', 'active')
    .orderBy('nodes', 'desc')
    .executeTakeFirstOrThrow()
  console.log(
    `book of ${clients.toLocaleString('en')} agency clients assessed and grouped in ${((performance.now() - at) / 1000).toFixed(1)} s; largest gang ${gang.gang_id}: ${gang.nodes.toLocaleString('en')} nodes, ${gang.customers.toLocaleString('en')} customers`,
  )

  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'zh-CN' })
  await withChineseFont(page)
  await page.goto(`${server.url}/login`)
  await page.locator('input#username, input[id$=username]').fill('investigator')
  await page.locator('input[type=password]').fill('grayline-demo')
  await page.locator('button[type=submit]').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))

  at = performance.now()
  await page.goto(`${server.url}/gangs/${gang.gang_id}`)
  const graph = page.getByTestId('gang-graph')
  await graph.locator('canvas').first().waitFor({ timeout: 120_000 })
  await page.waitForFunction(String.raw`/\d+ 个节点/.test(document.body.innerText)`, undefined, {
    timeout: 120_000,
  })
  // The first frame after sigma's first render.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))')
  const shownText = await page.locator('.gang-graph-toolbar').innerText()
  const shown = /([\d,]+) 个节点 · ([\d,]+) 条关联/.exec(shownText)
  console.log(
    `gang page open and graph drawn in ${((performance.now() - at) / 1000).toFixed(1)} s (${shown?.[1] ?? '?'} nodes, ${shown?.[2] ?? '?'} links in view)`,
  )
  await page.evaluate('document.fonts.ready.then(() => true)')
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SHOTS_DIR, 'gang-graph-5000.png'), fullPage: true })

  const box = await graph.boundingBox()
  if (!box) throw new Error('the graph has no box')
  let stop = await recordFrames(page)
  await page.waitForTimeout(2000)
  summary('idle (no input)', await stop())
  // The same mouse movements over the summary above the graph: what the input alone costs.
  stop = await recordFrames(page)
  await circleMouse(page, { ...box, y: 120, height: 300 }, 2000, false)
  summary('the same mouse movements outside the graph (control)', await stop())
  const trace = process.env.GANG_BENCH_TRACE // a Chrome trace of the panning, for a closer look
  if (trace) await browser.startTracing(page, { path: trace })
  stop = await recordFrames(page)
  await circleMouse(page, box, seconds * 1000, true)
  summary(`panning and zooming for ${seconds} s`, await stop())
  if (trace) await browser.stopTracing()
  await page.screenshot({ path: join(SHOTS_DIR, 'gang-graph-5000-zoomed.png') })
  // The graph in the middle of a drag (edges and labels left out), then once the camera stops.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  for (let s = 1; s <= 10; s++)
    await page.mouse.move(box.x + box.width / 2 + s * 8, box.y + box.height / 2 + s * 4)
  await graph.screenshot({ path: join(SHOTS_DIR, 'gang-graph-5000-moving.png') })
  await page.mouse.up()
  await page.waitForTimeout(1000)
  await graph.screenshot({ path: join(SHOTS_DIR, 'gang-graph-5000-at-rest.png') })
  // The features still work at this size: a click selects a node, a link kind is filtered out, the
  // picture is exported.
  const selectedTag = page.getByText('已选 1 个节点')
  for (let i = 0; i < 40 && !(await selectedTag.isVisible()); i++) {
    await page.mouse.click(
      box.x + box.width * (0.3 + 0.1 * (i % 5)),
      box.y + box.height * (0.2 + 0.08 * Math.floor(i / 5)),
    )
    await page.waitForTimeout(400) // apart enough not to be a double click, which zooms
  }
  const selectedOne = await selectedTag.isVisible()
  const expandButton = page.getByRole('button', { name: '展开该标识' })
  let expanded = 'no identifier selected'
  if (await expandButton.isEnabled()) {
    await expandButton.click()
    await page.waitForTimeout(1500)
    expanded =
      /[\d,]+ 个节点 · [\d,]+ 条关联/.exec(
        await page.locator('.gang-graph-toolbar').innerText(),
      )?.[0] ?? '?'
  }
  await page.locator('[data-kind=phone]').click()
  await page.waitForTimeout(500)
  await graph.screenshot({ path: join(SHOTS_DIR, 'gang-graph-5000-selected-no-phones.png') })
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出 PNG' }).click()
  console.log(
    `a click selected a node: ${selectedOne}; expanded: ${expanded}; phone links filtered out; exported ${(await download).suggestedFilename()}`,
  )
  console.log(`load average at the end: ${load()}`)
} finally {
  await browser.close()
  await server.close()
}
