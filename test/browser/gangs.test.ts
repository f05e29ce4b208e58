// The gang pages in a real browser (the system Chromium): the list, a gang's graph drawn with
// sigma.js (WebGL), a link kind filtered out, the picture exported. Screenshots go to
// test-results/screenshots.
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assessFiles } from '../../src/detect/index.js'
import { recomputeGangs } from '../../src/gangs/index.js'
import { writeJsonl } from '../integration/builders.js'
import type { BrowserServer } from './browser-server.js'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  SHOTS_DIR,
  startBrowserServer,
  withChineseFont,
} from './browser-server.js'
import { agencyBook } from './gang-book.js'

/** A shared CI machine can be slow to render: wait for what the page must show, not for a time. */
const PATIENT = { timeout: 20_000, interval: 250 }

describe.skipIf(!chromiumAvailable)('gang pages in Chromium', () => {
  let server: BrowserServer
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true })
    server = await startBrowserServer()
    const book = agencyBook()
    const live = server.app.deps.live
    const r = await assessFiles(server.ctx, {
      rules: live.rules,
      customers: writeJsonl(SHOTS_DIR, 'gang-book-customers.jsonl', book.customers),
      contacts: writeJsonl(SHOTS_DIR, 'gang-book-contacts.jsonl', book.contacts),
    })
    live.replace(r.detector)
    await live.exclusive(() => recomputeGangs(server.ctx, r.detector))
    // WebGL without a GPU: SwiftShader, which newer Chromium builds only use when asked.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader'],
    })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function investigator(): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1100 },
      locale: 'zh-CN',
      acceptDownloads: true,
    })
    await withChineseFont(page)
    await page.goto(`${server.url}/login`)
    await page.locator('input#username, input[id$=username]').fill('investigator')
    await page.locator('input[type=password]').fill('grayline-demo')
    await page.locator('button[type=submit]').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    return page
  }

  /** Once the font is in, a resize makes sigma draw its labels again with it. */
  async function shot(page: Page, name: string) {
    await page.evaluate('document.fonts.ready.then(() => true)')
    await page.setViewportSize({ width: 1440, height: 1101 })
    await page.setViewportSize({ width: 1440, height: 1100 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true })
  }

  it('lists the gangs, draws the largest, filters a link kind and exports the picture', async () => {
    const page = await investigator()
    await page.goto(`${server.url}/gangs`)
    await expect.poll(() => page.locator('.ant-table-row').count(), PATIENT).toBeGreaterThan(1)
    const first = await page.locator('.ant-table-row').first().innerText()
    expect(first).toContain('60')
    expect(await page.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/)
    await shot(page, 'gangs-list')

    await page.locator('.ant-table-row a').first().click()
    await page.waitForURL(/\/gangs\/TH-/)
    const graph = page.getByTestId('gang-graph')
    await expect.poll(() => graph.locator('canvas').count(), PATIENT).toBeGreaterThan(1)
    await expect
      .poll(() => page.locator('body').innerText(), PATIENT)
      .toContain('安信债务优化咨询有限公司')
    await page.waitForTimeout(500) // sigma draws on the next animation frame
    const before = await graph.screenshot()

    const phones = page.locator('.ant-checkbox-wrapper', { hasText: '电话' })
    await phones.click()
    await expect.poll(() => phones.locator('input').isChecked(), PATIENT).toBe(false)
    await expect.poll(async () => (await graph.screenshot()).equals(before), PATIENT).toBe(false)
    await shot(page, 'gang-graph-without-phones')
    await phones.click()
    await expect.poll(() => phones.locator('input').isChecked(), PATIENT).toBe(true)
    await page.waitForTimeout(300)
    await shot(page, 'gang-graph')

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出 PNG' }).click()
    const file = join(SHOTS_DIR, 'gang-graph-export.png')
    await (await download).saveAs(file)
    expect(statSync(file).size).toBeGreaterThan(10_000)
    await page.close()
  })
})
