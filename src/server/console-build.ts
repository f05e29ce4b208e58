// `npm start` builds the console when dist/console is missing or older than its sources, so a
// fresh checkout needs no separate build step.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** A console import of a server module (the console bundles a few dependency-free ones). */
const SERVER_IMPORT = /from '((?:\.\.\/)+src\/[^']+)'/g

/** The newest change under `dir`, counting the server modules its files import. */
function newestMtime(dir: string, seen = new Set<string>()): number {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') newest = Math.max(newest, newestMtime(p, seen))
      continue
    }
    newest = Math.max(newest, statSync(p).mtimeMs)
    if (!/\.tsx?$/.test(e.name)) continue
    for (const m of readFileSync(p, 'utf8').matchAll(SERVER_IMPORT)) {
      const target = resolve(dirname(p), `${(m[1] ?? '').replace(/\.js$/, '')}.ts`)
      if (seen.has(target) || !existsSync(target)) continue
      seen.add(target)
      newest = Math.max(newest, statSync(target).mtimeMs)
    }
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
