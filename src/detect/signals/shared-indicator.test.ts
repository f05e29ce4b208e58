import { describe, expect, it } from 'vitest'
import { sharedMatchesOf } from '../shared-indicators.js'
import type { SharedMatch } from '../shared-indicators.js'
import { contact, customer, detectorWith } from '../test-support/scenario.js'

const AGENT = 'phone:+8619912345678'

function scene(match: Partial<SharedMatch> = {}) {
  const c = customer(1)
  const d = detectorWith(
    [c],
    [
      contact('agent-call', { customer_id: 'C1', caller: { phone: '19912345678', role: 'agent' } }),
      contact('own-call', { customer_id: 'C1', caller: { phone: c.phone!, role: 'self' } }),
    ],
  )
  const matches = sharedMatchesOf(d.index)
  const base = { indicatorIds: ['indicator--1'], seenAt: 1, falsePositives: 0, tlp: 'amber' }
  matches.set(AGENT, { identifier: AGENT, ...base, ...match })
  matches.set(`phone:+86${c.phone}`, { identifier: `phone:+86${c.phone}`, ...base })
  const signal = (id: string) =>
    d.assess(d.index.byId.get(id)!).signals.find((s) => s.code === 'shared_indicator')
  return { d, signal }
}

describe('shared indicator signal', () => {
  it('says how many other institutions saw it and its TLP, never which', () => {
    const s = scene().signal('agent-call')
    expect(s?.explanation.en).toBe(
      'matches an agency indicator shared in the consortium: seen at 1 other institution (TLP:AMBER)',
    )
    expect(s?.weight).toBe(0.35)
  })

  it('weighs more institutions a little more, and a reported false positive less', () => {
    expect(scene({ seenAt: 3 }).signal('agent-call')?.weight).toBe(0.45)
    const disputed = scene({ seenAt: 2, falsePositives: 1 }).signal('agent-call')
    expect(disputed?.weight).toBe(0.25)
    expect(disputed?.explanation.en).toContain('1 reported it a false positive')
  })

  it("never fires on the customer's own number on file", () => {
    expect(scene().signal('own-call')).toBeUndefined()
  })
})
