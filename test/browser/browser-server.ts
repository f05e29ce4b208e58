// A real server for the browser tests: a temporary SQLite store with a small simulated book, the
// demo users, the built console, listening on a free port.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
