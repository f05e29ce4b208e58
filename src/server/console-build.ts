// `npm start` builds the console when dist/console is missing or older than its sources, so a
// fresh checkout needs no separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(dir: string): number {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

export function consoleNeedsBuild(root: string, outDir: string): boolean {
  const index = join(outDir, 'index.html')
  if (!existsSync(index)) return true
  const src = join(root, 'console')
  return existsSync(src) && newestMtime(src) > statSync(index).mtimeMs
}

export async function buildConsole(root: string): Promise<void> {
  // vite is a development tool: loaded only when a build is needed.
  const vite = await import('vite')
  await vite.build({ configFile: join(root, 'console', 'vite.config.ts'), logLevel: 'warn' })
}
