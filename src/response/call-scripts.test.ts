import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadRuleSet } from '../detect/index.js'
import { FALLBACK_SCRIPT, loadCallScripts, scriptFor } from './call-scripts.js'

describe('call scripts', () => {
  const scripts = loadCallScripts()

  it('has a script for every script the default rule set recommends', () => {
    const named = loadRuleSet()
      .actions.map((a) => a.action)
      .filter((a) => a.startsWith('script:'))
      .map((a) => a.slice(7))
    expect(named.length).toBeGreaterThan(0)
    for (const id of named) expect(scripts.byId.has(id), id).toBe(true)
  })

  it('tells a suspected agency that the lender never charges fees through third parties', () => {
    const steps = scriptFor(scripts, 'suspected-agency')
      .steps.map((s) => s['zh-CN'])
      .join('')
    expect(steps).toContain('不会通过任何第三方收取费用')
    expect(steps).toContain('已经受理')
  })

  it('falls back to the standard script for an unknown id', () => {
    expect(scriptFor(scripts, 'no-such-script').id).toBe(FALLBACK_SCRIPT)
  })

  it('names the file and the field of a broken script file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scripts-'))
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ version: '1', scripts: [{ id: 'x', title: {} }] }))
    expect(() => loadCallScripts(file)).toThrow(/bad\.json: scripts\.0\.title/)
  })
})
