// The console in a real browser (the system Chromium, never a downloaded one): log in, filter the
// workbench, open a contact, screen a call, see the dashboard's charts drawn. Screenshots are kept
// in test-results/screenshots as artifacts.
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

/** The little of a canvas the colour count needs (the project's types have no DOM). */
type Canvas = {
  width: number
  height: number
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }
  } | null
}

/** Runs in the page: the distinct colours of a sample of pixels; a blank canvas has one. */
function countColours(canvas: Canvas): number {
  const g = canvas.getContext('2d')
  if (!g) return 0
  const data = g.getImageData(0, 0, canvas.width, canvas.height).data
  const seen = new Set<number>()
  for (let i = 0; i + 2 < data.length; i += 4 * 97)
    seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0))
  return seen.size
}

/** A shared CI machine can be slow to render: wait for what the page must show, not for a time. */
const PATIENT = { timeout: 20_000, interval: 250 }

if (!chromiumAvailable)
  console.warn(`no Chromium at ${CHROMIUM}: browser tests are skipped (apt-get install chromium)`)

describe.skipIf(!chromiumAvailable)('console in Chromium', () => {
  let server: BrowserServer
  let browser: Browser
  let agencyPhone: string

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true })
    server = await startBrowserServer()
    const top = await largestFanOut(server.ctx.db, 'phone', 1)
    agencyPhone = (top[0]?.identifier ?? '').replace(/^phone:\+86/, '')
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function loggedIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await page.goto(`${server.url}/login`)
    try {
      await page.locator('input#username, input[id$=username]').fill(username, { timeout: 10_000 })
    } catch (e) {
      await shot(page, `login-failed-${username}`)
      throw e
    }
    await page.locator('input[type=password]').fill('grayline-demo')
    await page.locator('button[type=submit]').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    return page
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true })

  it('logs a handler in to the workbench and filters it by risk', async () => {
    const page = await loggedIn('handler')
    expect(new URL(page.url()).pathname).toBe('/workbench')
    await expect.poll(() => page.locator('.ant-table-row').count(), PATIENT).toBeGreaterThan(5)
    await page.locator('.ant-select', { hasText: '风险' }).first().click()
    await page.locator('.ant-select-item-option', { hasText: '高风险' }).click()
    await page.keyboard.press('Escape')
    await page.waitForURL(/risk=high/)
    // The queue reloads from the server: wait until every row shown is a high-risk one.
    await expect
      .poll(async () => {
        const rows = await page.locator('.ant-table-row').allInnerTexts()
        return rows.length > 0 && rows.every((r) => r.includes('高风险'))
      }, PATIENT)
      .toBe(true)
    await shot(page, 'workbench-high-risk')
    await page.close()
  })

  it('opens a flagged contact with every signal explained and personal data masked', async () => {
    const page = await loggedIn('handler')
    await page.goto(`${server.url}/workbench?risk=high`)
    await page.locator('.ant-table-row a').first().click()
    await page.waitForURL(/\/contacts\//)
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
    const row = await server.ctx.db
      .selectFrom('assessments')
      .select('signals')
      .where('contact_id', '=', id)
      .executeTakeFirstOrThrow()
    const signals = JSON.parse(row.signals) as { explanation: { 'zh-CN': string } }[]
    expect(signals.length).toBeGreaterThan(0)
    const body = page.locator('body')
    // Each explanation is shown; a raw number inside one would be masked, so compare its start.
    for (const s of signals)
      await expect
        .poll(() => body.innerText(), PATIENT)
        .toContain(s.explanation['zh-CN'].slice(0, 8))
    expect(await body.innerText()).not.toMatch(/1[3-9]\d{9}/)
    await shot(page, 'contact-detail')
    await page.close()
  })

  it('screens an agency number for a call agent with the script to read', async () => {
    expect(agencyPhone).toMatch(/^1\d{10}$/)
    const page = await loggedIn('agent')
    expect(new URL(page.url()).pathname).toBe('/screen')
    await page.locator('input#phone, input[id$=phone]').fill(agencyPhone)
    await page.locator('button[type=submit]').click()
    await expect.poll(() => page.locator('body').innerText(), PATIENT).toMatch(/高风险|中风险/)
    const text = await page.locator('body').innerText()
    expect(text).toContain('疑似代理投诉')
    expect(text).not.toContain(agencyPhone)
    // The agent starts the recommended script and reads its first step out.
    await page.getByRole('button', { name: '开始话术' }).click()
    await expect.poll(() => page.locator('body').innerText(), PATIENT).toContain('借款人本人')
    await shot(page, 'screening-agency')
    await page.close()
  })

  it('draws the dashboard charts', async () => {
    const page = await loggedIn('investigator')
    await page.goto(`${server.url}/dashboard`)
    await expect.poll(() => page.locator('canvas').count(), PATIENT).toBeGreaterThanOrEqual(3)
    const colours = await page
      .locator('canvas')
      .first()
      .evaluate(countColours as (c: unknown) => number)
    expect(colours).toBeGreaterThan(5)
    await shot(page, 'dashboard')
    await page.close()
  })

  it('switches to English', async () => {
    const page = await loggedIn('handler')
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.locator('body').innerText(), PATIENT).toContain('Workbench')
    await shot(page, 'workbench-english')
    await page.close()
  })
})
