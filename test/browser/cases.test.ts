// From a flagged contact to a case to a dossier, in the system Chromium: an investigator opens a
// case from a contact of a gang, moves it on with a reason, adds a screenshot as evidence, and
// downloads the police-report PDF, which names the case and embeds its own CJK font.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../integration/dossier-reader.js'
import type { BrowserServer } from './browser-server.js'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  SHOTS_DIR,
  startBrowserServer,
} from './browser-server.js'

const PATIENT = { timeout: 20_000 }
const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(48, 5)])

describe.skipIf(!chromiumAvailable)('cases in Chromium', () => {
  let server: BrowserServer
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true })
    server = await startBrowserServer(1500)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true })

  async function loggedIn(username: string): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    })
    await page.goto(`${server.url}/login`)
    await page.locator('input#username, input[id$=username]').fill(username, PATIENT)
    await page.locator('input[type=password]').fill('grayline-demo')
    await page.locator('button[type=submit]').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    return page
  }

  it('opens a case from a flagged contact, documents it and downloads its dossier', async () => {
    const flagged = await server.ctx.db
      .selectFrom('assessments')
      .select('contact_id')
      .where('risk', '=', 'high')
      .where('gang_id', 'is not', null)
      .orderBy('contact_id')
      .executeTakeFirstOrThrow()
    const page = await loggedIn('investigator')
    await page.goto(`${server.url}/contacts/${encodeURIComponent(flagged.contact_id)}`)
    await page.getByRole('button', { name: '由此联系立案' }).click(PATIENT)
    await page.waitForURL(/\/cases\/GL-\d{8}-[A-Z2-9]{5}$/, PATIENT)
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? ''
    await expect.poll(() => page.locator('body').innerText(), PATIENT).toContain('线索')
    expect(await page.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/)

    await page.getByRole('button', { name: '转为“调查取证”' }).click()
    await page.locator('.ant-modal textarea').fill('同一代理号码为多名客户出面，调取录音')
    await page.locator('.ant-modal .ant-btn-primary').click()
    await expect
      .poll(() => page.locator('.ant-tag', { hasText: '调查取证' }).count(), PATIENT)
      .toBeGreaterThan(0)

    const screenshot = join(SHOTS_DIR, 'evidence-upload.png')
    writeFileSync(screenshot, PNG)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '提交证据' }).click()
    await (await chooser).setFiles(screenshot)
    await expect.poll(() => page.locator('body').innerText(), PATIENT).toContain('added')
    await page.locator('img[alt="关系图谱"]').waitFor(PATIENT)
    await shot(page, 'case-detail')

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: '下载报案材料 PDF' }).click()
    const file = await (await download).path()
    const pdf = readFileSync(file)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const { text } = await pdfText(pdf)
    expect(text).toContain('报案材料')
    expect(text).toContain(caseId)
    expect(text).toContain('调查取证')
    await page.close()
  })

  it('lists cases, victim reports with the reply template, and the monthly report', async () => {
    const page = await loggedIn('investigator')
    await page.goto(`${server.url}/cases`)
    await expect.poll(() => page.locator('.ant-table-row').count(), PATIENT).toBeGreaterThan(0)
    await shot(page, 'cases-list')
    await page.goto(`${server.url}/victim-reports`)
    await expect
      .poll(() => page.locator('body').innerText(), PATIENT)
      .toContain('从不通过任何第三方')
    await shot(page, 'victim-reports')
    await page.goto(`${server.url}/operations`)
    await expect.poll(() => page.locator('body').innerText(), PATIENT).toContain('推送报案')
    await expect.poll(() => page.locator('.ant-table-row').count(), PATIENT).toBeGreaterThan(0)
    await shot(page, 'operations-report')
    await page.close()
  })
})
