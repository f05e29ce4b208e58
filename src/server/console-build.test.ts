import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { consoleNeedsBuild } from './console-build.js'

/** A checkout with a built console, its sources and one server module the console imports. */
function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'grayline-console-build-'))
  const at = (p: string, text: string, seconds: number) => {
    mkdirSync(join(root, p, '..'), { recursive: true })
    writeFileSync(join(root, p), text)
    utimesSync(join(root, p), seconds, seconds)
  }
  at('src/cases/case-state.ts', 'export const states = []\n', 1000)
  at('src/cases/case.service.ts', 'export const service = 1\n', 1000)
  at('console/src/pages/case.tsx', "import { states } from '../../../src/cases/case-state'\n", 1000)
  at('dist/console/index.html', '<html></html>', 2000)
  return { root, out: join(root, 'dist/console'), at }
}

describe('consoleNeedsBuild', () => {
  it('is false when the build is newer than the console and the server modules it imports', () => {
    const { root, out } = checkout()
    expect(consoleNeedsBuild(root, out)).toBe(false)
  })

  it('is true when a server module the console bundles changed after the build', () => {
    const { root, out, at } = checkout()
    at('src/cases/case-state.ts', "export const states = ['open']\n", 3000)
    expect(consoleNeedsBuild(root, out)).toBe(true)
  })

  it('ignores server modules the console does not import', () => {
    const { root, out, at } = checkout()
    at('src/cases/case.service.ts', 'export const service = 2\n', 3000)
    expect(consoleNeedsBuild(root, out)).toBe(false)
  })

  it('is true when the console has no build yet', () => {
    const { root } = checkout()
    expect(consoleNeedsBuild(root, join(root, 'nowhere'))).toBe(true)
  })
})
