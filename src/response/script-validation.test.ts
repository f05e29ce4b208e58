import { describe, expect, it } from 'vitest'
import { loadCallScripts } from './call-scripts.js'
import { problemMessage, scriptProblems } from './script-validation.js'

const agency = () => structuredClone(loadCallScripts().byId.get('suspected-agency'))

describe('script validation for the editor', () => {
  it('accepts the built-in scripts as they are', () => {
    for (const s of loadCallScripts().scripts) expect(scriptProblems(s)).toEqual([])
  })

  it('names every graph problem at its field and step, not only the first', () => {
    const s = agency()!
    s.steps[1]!.branches[0]!.next = 'nowhere'
    s.start = 'missing-start'
    const problems = scriptProblems(s)
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'start', step: null, message: "no step 'missing-start'" },
        {
          field: 'steps.1.branches.0.next',
          step: s.steps[1]!.id,
          message: "no step 'nowhere'",
        },
      ]),
    )
    expect(problemMessage(problems.find((p) => p.step)!)).toBe(
      `step '${s.steps[1]!.id}': no step 'nowhere'`,
    )
  })

  it('names a shape problem inside a step by the step', () => {
    const s = agency() as unknown as { steps: { id: string; say: Record<string, string> }[] }
    delete s.steps[0]!.say.en
    expect(scriptProblems(s)).toEqual([
      expect.objectContaining({ field: 'steps.0.say.en', step: s.steps[0]!.id }),
    ])
  })
})
