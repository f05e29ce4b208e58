// The response admin pages in Chromium: a call script's graph, an edit refused with the problem
// named at its step and then published as v2 while a call begun on v1 finishes on v1; the
// representatives list with a lawyer's checklist reviewed; script analytics from the saved runs.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { largestFanOut } from '../../src/links/link.queries.js'
import type { BrowserServer } from './browser-server.js'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  SHOTS_DIR,
  startBrowserServer,
  withChineseFont,
} from './browser-server.js'

const PATIENT = { timeout: 20_000 }
const SCRIPT = 'suspected-agency'
const CALLER = '19912345678'
/** A relative who refuses materials and says the borrower will not speak (by option value). */
const AGENCY_ANSWERS: [string, unknown][] = [
  ['who-is-calling', 'relative'],
  ['authorisation', 'refuses'],
  ['customer-contact', 'will_not_speak'],
  ['record-request', '要求停息挂账、只还本金'],
  ['accept', null],
  ['fee-warning', null],
]
const sha = (c: string) => c.repeat(64)

describe.skipIf(!chromiumAvailable)('response admin pages in Chromium', () => {
  let server: BrowserServer
  let browser: Browser
  let admin: BrowserContext
  let customers: string[]

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true })
    server = await startBrowserServer(1000)
    const rows = await server.ctx.db
      .selectFrom('customers')
      .select('customer_id')
      .orderBy('customer_id')
      .limit(3)
      .execute()
    customers = rows.map((r) => r.customer_id)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    admin = await loggedIn('admin')
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** Once the font is in, a resize makes the charts draw their canvas text again with it. */
  async function shot(page: Page, name: string) {
    await page.evaluate('document.fonts.ready.then(() => true)')
    await page.setViewportSize({ width: 1440, height: 901 })
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true })
  }

  /** A page of the signed-in context; a script error in it is printed, not lost in a blank page. */
  async function open(): Promise<Page> {
    const page = await admin.newPage()
    page.on('pageerror', (e) => console.error(`page error: ${e.message}\n${e.stack ?? ''}`))
    return page
  }

  /** One signed-in browser context for the suite: each test opens its own page in it. */
  async function loggedIn(username: string): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    })
    await withChineseFont(context)
    const page = await context.newPage()
    await page.goto(`${server.url}/login`)
    await page.locator('input#username, input[id$=username]').fill(username, PATIENT)
    await page.locator('input[type=password]').fill('grayline-demo')
    await page.locator('button[type=submit]').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), PATIENT)
    await page.close()
    return context
  }

  async function post(req: APIRequestContext, path: string, data: unknown) {
    const r = await req.post(`${server.url}/api${path}`, { data })
    if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`)
    return (await r.json()) as Record<string, unknown>
  }

  async function startCall(req: APIRequestContext, customerId: string) {
    const call = await post(req, '/calls', {
      script_id: SCRIPT,
      phone: CALLER,
      customer_id: customerId,
    })
    return call.call_id as string
  }

  async function answer(req: APIRequestContext, callId: string, answers: [string, unknown][]) {
    let last: Record<string, unknown> = {}
    for (const [step_id, value] of answers)
      last = await post(req, `/calls/${callId}/answers`, { step_id, value })
    return last
  }

  it('shows a script graph, names an edit problem at its step and publishes v2 while a v1 call stays on v1', async () => {
    const page = await open()
    try {
      const openCall = await startCall(page.request, customers[0]!)
      await page.goto(`${server.url}/admin/scripts`)
      await page.getByText(SCRIPT, { exact: true }).click(PATIENT)
      await expect
        .poll(() => page.locator('.script-graph canvas').count(), PATIENT)
        .toBeGreaterThan(0)
      await expect
        .poll(
          () => page.getByRole('cell', { name: 'customer-contact', exact: true }).count(),
          PATIENT,
        )
        .toBe(1)
      await shot(page, 'admin-scripts-graph')

      await page.getByRole('button', { name: '编辑为新版本' }).click()
      const editor = page.getByLabel('话术 JSON')
      const v1 = await editor.inputValue()
      await editor.fill(v1.replace('"next": "customer-contact"', '"next": "nowhere"'))
      await page.getByRole('button', { name: /^检\s?查$/ }).click()
      const problems = page.locator('.script-problems')
      await expect.poll(() => problems.textContent(), PATIENT).toContain('步骤 authorisation')
      await expect(problems.textContent()).resolves.toContain("no step 'nowhere'")
      await shot(page, 'admin-scripts-problems')

      await editor.fill(v1.replace('您好，请问您是', '您好，这里是客户服务中心。请问您是'))
      await page.getByRole('button', { name: '发布新版本' }).click()
      await expect.poll(() => page.getByText('已发布 v2').count(), PATIENT).toBeGreaterThan(0)
      await expect
        .poll(() => page.locator('.script-graph canvas').count(), PATIENT)
        .toBeGreaterThan(0)
      await shot(page, 'admin-scripts-v2')

      // The call started before the edit finishes on v1; a new call takes v2.
      const done = await answer(page.request, openCall, AGENCY_ANSWERS)
      expect(done).toMatchObject({ status: 'completed', script: { version: 1 } })
      const next = await startCall(page.request, customers[1]!)
      const started = await (await page.request.get(`${server.url}/api/calls/${next}`)).json()
      expect(started.script.version).toBe(2)
      await post(page.request, `/calls/${next}/end`, { reason: 'caller_hung_up' })
    } catch (e) {
      await shot(page, 'admin-scripts-failed')
      throw e
    } finally {
      await page.close()
    }
  }, 120_000)

  it('lists representatives by status and reviews a lawyer whose checklist is complete', async () => {
    const page = await open()
    try {
      await post(page.request, '/representatives', {
        customer_id: customers[0],
        kind: 'lawyer',
        name: '周律师',
        organization: '浙江某某律师事务所',
        materials: [
          { item: 'practising_certificate', sha256: sha('a') },
          { item: 'firm_letter', sha256: sha('b') },
          { item: 'signed_authorisation', sha256: sha('c') },
        ],
      })
      await post(page.request, '/representatives', {
        customer_id: customers[1],
        kind: 'relative',
        name: '王小明',
        materials: [{ item: 'representative_id', sha256: sha('d') }],
      })
      await page.goto(`${server.url}/admin/representatives`)
      const lawyer = page.locator('tr', { hasText: '浙江某某律师事务所' })
      await expect.poll(() => lawyer.count(), PATIENT).toBe(1)
      await expect.poll(() => page.locator('.rep-standard li').count(), PATIENT).toBeGreaterThan(5)
      await shot(page, 'admin-representatives')

      await lawyer.click()
      const drawer = page.locator('.ant-drawer')
      await expect.poll(() => drawer.locator('.rep-checklist tbody tr').count(), PATIENT).toBe(3)
      await expect(drawer.getByText('材料齐全，可以审核通过').isVisible()).resolves.toBe(true)
      await drawer.getByText('已核实', { exact: true }).click()
      await drawer.getByLabel('理由').fill('执业证、律所函与授权书已核对')
      await drawer.getByRole('button', { name: '提交审核' }).click()
      await expect
        .poll(() => drawer.getByText('执业证、律所函与授权书已核对').count(), PATIENT)
        .toBeGreaterThan(0)
      await shot(page, 'admin-representative-reviewed')
      await page.locator('.ant-drawer-close').click()
      await page.getByText('待审核', { exact: true }).first().click()
      await expect
        .poll(() => page.locator('tr', { hasText: '浙江某某律师事务所' }).count(), PATIENT)
        .toBe(0)
    } catch (e) {
      await shot(page, 'admin-representatives-failed')
      throw e
    } finally {
      await page.close()
    }
  }, 120_000)

  it('shows where calls of a script end and which answers lead to which outcomes', async () => {
    const page = await open()
    try {
      const early = await startCall(page.request, customers[2]!)
      await answer(page.request, early, AGENCY_ANSWERS.slice(0, 2))
      await post(page.request, `/calls/${early}/end`, { reason: 'caller_hung_up' })
      await page.goto(`${server.url}/admin/script-analytics`)
      await expect
        .poll(() => page.locator('.script-sankey canvas').count(), PATIENT)
        .toBeGreaterThan(0)
      const ended = page.locator('tr', { hasText: 'customer-contact' })
      await expect.poll(() => ended.count(), PATIENT).toBe(1)
      await expect(ended.textContent()).resolves.toContain('提前结束')
      await shot(page, 'admin-script-analytics')
    } catch (e) {
      await shot(page, 'admin-script-analytics-failed')
      throw e
    } finally {
      await page.close()
    }
  }, 120_000)

  it('draws a chart whose box starts with no height once the box has room, without an error', async () => {
    const page = await open()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // As in a collapsed panel or a hidden tab: the charts' boxes are laid out with no height (a
    // sankey laid out in no height throws inside echarts), until the style is taken away. The
    // sankey draws the answers of the calls made by the tests above.
    await page.addInitScript({
      content: `document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style')
        style.id = 'no-height'
        style.textContent = '.script-graph, .script-sankey { height: 0 !important }'
        document.head.append(style)
      })`,
    })
    try {
      for (const [path, box] of [
        ['/admin/scripts', '.script-graph'],
        ['/admin/script-analytics', '.script-sankey'],
      ] as const) {
        await page.goto(`${server.url}${path}`)
        await expect.poll(() => page.locator(box).count(), PATIENT).toBe(1)
        await page.waitForTimeout(500)
        expect(await page.locator(`${box} canvas`).count()).toBe(0)
        expect(await page.getByText('图表未能绘制', { exact: false }).count()).toBe(0)
        await page.evaluate("document.getElementById('no-height').remove()")
        await expect
          .poll(async () => (await page.locator(`${box} canvas`).boundingBox())?.height, PATIENT)
          .toBeGreaterThan(100)
        await shot(page, `chart-shown-later${box.replace('.', '-')}`)
        expect(errors).toEqual([])
      }
    } catch (e) {
      await shot(page, 'chart-shown-later-failed')
      throw e
    } finally {
      await page.close()
    }
  }, 120_000)

  it('sends an SMS verification with the message shown first, then shows its delivery and the risk change on the contact', async () => {
    const page = await open()
    try {
      const top = (await largestFanOut(server.ctx.db, 'phone', 1))[0]
      const contact = await server.ctx.db
        .selectFrom('contact_identifiers')
        .select(['contact_id', 'customer_id'])
        .where('identifier', '=', top?.identifier ?? '')
        .where('customer_id', 'is not', null)
        .executeTakeFirstOrThrow()
      const q = new URLSearchParams({
        customer_id: contact.customer_id ?? '',
        contact_id: contact.contact_id,
      })
      await page.goto(`${server.url}/verification?${q.toString()}`)
      const dialog = page.locator('.ant-modal')
      await dialog.getByText('短信', { exact: true }).click(PATIENT)
      await expect
        .poll(() => dialog.locator('.verification-message').textContent(), PATIENT)
        .toContain('是否授权')
      await shot(page, 'verification-new-sms')
      await dialog.getByRole('button', { name: '创建任务' }).click()
      const row = page.locator('tr', { hasText: contact.customer_id ?? '' })
      await expect.poll(() => row.first().textContent(), PATIENT).toContain('已送达')
      await shot(page, 'verification-queue-delivery')

      const tasks = await (
        await page.request.get(
          `${server.url}/api/verification/tasks?customer_id=${contact.customer_id ?? ''}`,
        )
      ).json()
      await post(page.request, `/verification/tasks/${tasks.items[0].task_id}/outcome`, {
        outcome: 'denied',
        note: '客户称从未委托任何人',
      })
      await page.goto(`${server.url}/contacts/${encodeURIComponent(contact.contact_id)}`)
      const changes = page.locator('.assessment-changes')
      await expect.poll(() => changes.textContent(), PATIENT).toContain('客户本人否认授权')
      await expect(changes.textContent()).resolves.toContain('客户核实结果')
      await changes.scrollIntoViewIfNeeded()
      await shot(page, 'contact-assessment-changes')
    } catch (e) {
      await shot(page, 'verification-sms-failed')
      throw e
    } finally {
      await page.close()
    }
  }, 120_000)
})
