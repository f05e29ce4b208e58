import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadRuleSet } from '../detect/index.js'
import { FALLBACK_SCRIPT, loadCallScripts, parseCallScript, scriptFor } from './call-scripts.js'
import type { CallScript } from './script-definition.js'
import { acceptAnswer, AnswerError } from './script-engine.js'

const scripts = loadCallScripts()

/** Walks a script with the given answers; returns the steps passed, the signals and the outcome. */
function walk(script: CallScript, answers: Record<string, unknown>) {
  let step: string | null = script.start
  const path: string[] = []
  const signals: string[] = []
  while (step) {
    path.push(step)
    const a = acceptAnswer(script, step, answers[step] ?? null)
    if (a.signal) signals.push(a.signal)
    if (a.outcome) return { path, signals, outcome: a.outcome }
    step = a.next
  }
  throw new Error('the script ended without an outcome')
}

describe('call scripts', () => {
  it('has a script for every script the default rule set recommends', () => {
    const named = loadRuleSet()
      .actions.map((a) => a.action)
      .filter((a) => a.startsWith('script:'))
      .map((a) => a.slice(7))
    expect(named.length).toBeGreaterThan(0)
    for (const id of named) expect(scripts.byId.has(id), id).toBe(true)
  })

  it('tells a suspected agency the complaint is accepted and that no fees go through third parties', () => {
    const said = scriptFor(scripts, 'suspected-agency')
      .steps.map((s) => s.say['zh-CN'])
      .join('')
    expect(said).toContain('不会通过任何第三方收取费用')
    expect(said).toContain('已经受理')
  })

  it('falls back to the standard script for an unknown id', () => {
    expect(scriptFor(scripts, 'no-such-script').id).toBe(FALLBACK_SCRIPT)
  })

  it('names the file and the field of a broken script file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scripts-'))
    const file = join(dir, 'bad.json')
    writeFileSync(
      file,
      JSON.stringify({ format: 2, scripts: [{ id: 'x', version: 1, title: {} }] }),
    )
    expect(() => loadCallScripts(file)).toThrow(/bad\.json: scripts\.0\.title/)
  })
})

describe('the script engine', () => {
  const agency = scriptFor(scripts, 'suspected-agency')

  it('branches a relative who refuses materials and says the customer will not speak to a verification', () => {
    const r = walk(agency, {
      'who-is-calling': 'relative',
      authorisation: 'refuses',
      'customer-contact': 'will_not_speak',
      'record-request': '要求停息挂账，只还本金',
    })
    expect(r.path).toEqual([
      'who-is-calling',
      'authorisation',
      'customer-contact',
      'record-request',
      'accept',
      'fee-warning',
    ])
    expect(r.signals).toEqual(['refuses_materials', 'customer_will_not_speak'])
    expect(r.outcome).toBe('verify_with_customer')
  })

  it('accepts the complaint of a borrower who names the loan, with no signal', () => {
    const r = walk(agency, {
      'who-is-calling': 'self',
      'loan-details': 'yes',
      'record-request-self': '本月扣款失败',
    })
    expect(r.signals).toEqual([])
    expect(r.outcome).toBe('complaint_accepted')
  })

  it('turns a caller who cannot name the loan into a signal and a verification', () => {
    const r = walk(agency, {
      'who-is-calling': 'self',
      'loan-details': 'no',
      'record-request': '协商还款',
    })
    expect(r.signals).toEqual(['caller_cannot_name_loan'])
    expect(r.outcome).toBe('verify_with_customer')
  })

  it('rejects answers that do not fit the step, naming the value', () => {
    const bad = (step: string, value: unknown, script = agency) => {
      try {
        acceptAnswer(script, step, value)
      } catch (e) {
        return e instanceof AnswerError ? `${e.field}: ${e.message}` : String(e)
      }
      return 'accepted'
    }
    expect(bad('who-is-calling', 'cousin')).toMatch(/^value: answer one of: self, relative/)
    expect(bad('loan-details', true)).toMatch(/^value: answer one of: yes, no/)
    expect(bad('record-request', '   ')).toMatch(/^value: .*must not be empty/)
    const victim = scriptFor(scripts, 'victim-support')
    expect(bad('amount', '-5', victim)).toBe('value: at least 0')
    expect(bad('amount', 'lots', victim)).toBe('value: give a number')
    expect(acceptAnswer(victim, 'amount', '3800').value).toBe(3800)
    expect(bad('nope', 'x')).toMatch(/^step_id: /)
  })

  it('ends every path of every built-in script in an outcome that records the complaint', () => {
    for (const s of scripts.scripts) {
      const seen = new Set<string>()
      const visit = (stepId: string) => {
        const step = s.steps.find((x) => x.id === stepId)!
        for (const b of step.branches) {
          if (b.outcome) seen.add(b.outcome)
          if (b.next) visit(b.next)
        }
      }
      visit(s.start)
      expect(seen.size, s.id).toBeGreaterThan(0)
      for (const o of seen) expect(o).not.toMatch(/refus|close|reject/)
    }
  })
})

describe('script validation', () => {
  const base = {
    id: 'probe',
    version: 1,
    title: { 'zh-CN': '测试', en: 'Probe' },
    start: 'a',
    steps: [
      {
        id: 'a',
        say: { 'zh-CN': '您好', en: 'Hello' },
        answer: { type: 'yes_no' },
        branches: [{ when: { in: ['yes'] }, next: 'b' }, { outcome: 'complaint_accepted' }],
      },
      {
        id: 'b',
        say: { 'zh-CN': '好的', en: 'Fine' },
        answer: { type: 'none' },
        branches: [{ outcome: 'complaint_accepted' }],
      },
    ],
  }
  const problem = (mutate: (s: typeof base) => void) => {
    const s = structuredClone(base)
    mutate(s)
    try {
      parseCallScript(s)
      return 'valid'
    } catch (e) {
      return (e as Error).message
    }
  }

  it('accepts a sound graph', () => expect(problem(() => undefined)).toBe('valid'))

  it('names the branch that points at a missing step', () => {
    expect(problem((s) => (s.steps[0]!.branches[0] = { when: { in: ['yes'] }, next: 'zz' }))).toBe(
      "steps.0.branches.0.next: no step 'zz'",
    )
  })

  it('refuses answers that lead nowhere, loops and unreachable steps', () => {
    expect(problem((s) => s.steps[0]!.branches.pop())).toMatch(
      /steps\.0\.branches: some answers lead nowhere/,
    )
    expect(problem((s) => (s.steps[1]!.branches = [{ next: 'a' } as never]))).toMatch(
      /the steps loop: a → b → a/,
    )
    expect(problem((s) => (s.steps[0]!.branches = [{ outcome: 'complaint_accepted' }]))).toMatch(
      /steps\.1: step 'b' cannot be reached/,
    )
  })

  it('knows no outcome that refuses a complaint', () => {
    expect(problem((s) => (s.steps[1]!.branches = [{ outcome: 'complaint_refused' }]))).toMatch(
      /^steps\.1\.branches\.0\.outcome/,
    )
  })
})
