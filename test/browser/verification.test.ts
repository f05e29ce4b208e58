// An agent answers a flagged call with the guided script in Chromium: the call is screened, the
// script run step by step (a relative who refuses materials and says the borrower will not speak),
// the complaint recorded and a verification task created — then found in the call-back queue.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
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
} from './browser-server.js'

const PATIENT = { timeout: 20_000 }

/** What the agent answers at each step of the suspected-agency script (by the visible label). */
const ANSWERS: Record<string, string> = {
  'who-is-calling': '亲属',
  authorisation: '拒绝提供',
  'customer-contact': '借款人不会接听/不愿沟通',
  'record-request': '要求停息挂账、只还本金，称借款人本人不方便接电话',
}

describe.skipIf(!chromiumAvailable)('guided call and verification in Chromium', () => {
  let server: BrowserServer
  let browser: Browser
  let phone: string
  let customerId: string

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true })
    server = await startBrowserServer(2000)
    const top = (await largestFanOut(server.ctx.db, 'phone', 1))[0]
    if (!top) throw new Error('the simulated book has no shared phone')
    const spoken = await server.ctx.db
      .selectFrom('contact_identifiers')
      .select('customer_id')
      .where('identifier', '=', top.identifier)
      .where('customer_id', 'is not', null)
      .executeTakeFirstOrThrow()
    phone = top.identifier.replace(/^phone:\+86/, '')
    customerId = spoken.customer_id as string
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true })

  async function loggedIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await page.goto(`${server.url}/login`)
    await page.locator('input#username, input[id$=username]').fill(username, PATIENT)
    await page.locator('input[type=password]').fill('grayline-demo')
    await page.locator('button[type=submit]').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    return page
  }

  it('runs the script on a flagged call to a verification task in the call-back queue', async () => {
    const page = await loggedIn('agent')
    try {
      await page.goto(`${server.url}/screen`)
      await page.getByLabel('来电号码').fill(phone)
      await page.getByLabel('客户号（可选）').fill(customerId)
      await page.locator('button[type=submit]').click()
      await page.getByRole('button', { name: '开始话术' }).click(PATIENT)
      await shot(page, 'call-script-start')

      for (let i = 0; i < 12; i++) {
        const step = page.locator('.call-step')
        if (!(await step.count())) break
        const id = (await step.getAttribute('data-step', PATIENT)) ?? ''
        const answer = ANSWERS[id]
        if (id === 'record-request') await step.locator('textarea').fill(answer ?? '')
        else if (answer) await step.getByText(answer, { exact: true }).click()
        if (id === 'customer-contact') await shot(page, 'call-script-step')
        await step.locator('.call-actions button').first().click()
        // The next step (or the end of the call) replaces this one once the server has answered.
        await expect
          .poll(
            async () => (await step.count()) === 0 || (await step.getAttribute('data-step')) !== id,
            PATIENT,
          )
          .toBe(true)
      }
      await expect.poll(() => page.locator('.call-verification').count(), PATIENT).toBe(1)
      await expect(page.getByText('已创建客户核实任务').isVisible()).resolves.toBe(true)
      await shot(page, 'call-script-done')

      await page.goto(`${server.url}/verification`)
      const row = page.locator('tr', { hasText: customerId })
      await expect.poll(() => row.count(), PATIENT).toBeGreaterThan(0)
      await expect(row.first().getByText('回拨登记电话').isVisible()).resolves.toBe(true)
      await expect.poll(() => page.locator('.ant-spin-spinning').count(), PATIENT).toBe(0)
      await shot(page, 'verification-queue')
    } catch (e) {
      await shot(page, 'verification-failed')
      throw e
    } finally {
      await page.close()
    }
  }, 120_000)
})
