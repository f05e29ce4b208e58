// A real server for the browser tests: a temporary SQLite store with a small simulated book, the
// demo users, the built console, listening on a free port.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { createDemoUsers } from '../../src/access/index.js'
import type { Context } from '../../src/context.js'
import { contextFor } from '../../src/context.js'
import { loadRuleSet } from '../../src/detect/index.js'
import type { App } from '../../src/server/app.js'
import { buildApp } from '../../src/server/app.js'
import { buildConsole, consoleNeedsBuild } from '../../src/server/console-build.js'
import { seedDemo } from '../../src/server/demo-seed.js'
import { LiveDetector } from '../../src/server/live-detector.js'
import { createStore, migrateToLatest } from '../../src/store/index.js'

export const CHROMIUM = process.env.GRAYLINE_CHROMIUM ?? '/usr/bin/chromium'
export const chromiumAvailable = existsSync(CHROMIUM)
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
]
export const SHOTS_DIR = join(process.cwd(), 'test-results', 'screenshots')

/**
 * A machine without a CJK system font draws the console's Chinese as boxes: the console's font
 * stack names Noto Sans CJK SC, so the pages get it from the npm font package (served by the test,
 * never by the server).
 */
const NOTO = join(
  process.cwd(),
  'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
)
const FONT_URL = '/__test-fonts/noto-sans-sc.ttf'
const FONT_FACE = `document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style')
  style.textContent = "@font-face { font-family: 'Noto Sans CJK SC'; src: url(${FONT_URL}); }"
  document.head.append(style)
  void document.fonts.load('14px "Noto Sans CJK SC"')
})`

export async function withChineseFont(target: Page | BrowserContext): Promise<void> {
  await target.route(`**${FONT_URL}`, (r) => r.fulfill({ path: NOTO, contentType: 'font/ttf' }))
  await target.addInitScript({ content: FONT_FACE })
}

export type BrowserServer = { url: string; ctx: Context; app: App; close(): Promise<void> }

export async function startBrowserServer(customers = 4000): Promise<BrowserServer> {
  const root = process.cwd()
  const consoleDir = join(root, 'dist', 'console')
  if (consoleNeedsBuild(root, consoleDir)) await buildConsole(root)
  const dir = mkdtempSync(join(tmpdir(), 'grayline-browser-'))
  const store = createStore({ kind: 'sqlite', path: join(dir, 'grayline.db') })
  await migrateToLatest(store.db)
  const ctx = contextFor(store)
  const rules = loadRuleSet()
  await seedDemo(ctx, rules, customers, 2026, () => undefined)
  await createDemoUsers(ctx)
  const live = await LiveDetector.load(ctx, rules)
  const app = await buildApp({
    ctx,
    live,
    secret: randomBytes(32),
    consoleDir,
    config: {
      secureCookies: true,
      uploadDir: join(dir, 'uploads'),
      maxUploadBytes: 10 * 1024 * 1024,
      rulesPath: 'rules/default.json',
    },
  })
  await app.app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    app,
    close: async () => {
      await app.close()
      await store.db.destroy()
    },
  }
}
