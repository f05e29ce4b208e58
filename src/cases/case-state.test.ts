import { describe, expect, it } from 'vitest'
import { allowedTransitions, canTransition, caseStates } from './case-state.js'

describe('case states', () => {
  it('allow exactly the documented moves and refuse every other pair', () => {
    const allowed = new Set([
      'lead>investigating',
      'lead>closed',
      'investigating>preparing_report',
      'investigating>closed',
      'preparing_report>reported',
      'preparing_report>investigating',
      'preparing_report>closed',
      'reported>filed',
      'reported>closed',
      'filed>closed',
      'closed>investigating',
    ])
    for (const from of caseStates)
      for (const to of caseStates)
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`))
  })

  it('never skips the police report: no state reaches filed except reported', () => {
    const into = caseStates.filter((s) => allowedTransitions[s].includes('filed'))
    expect(into).toEqual(['reported'])
  })
})
