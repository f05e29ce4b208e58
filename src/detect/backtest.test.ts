import { describe, expect, it } from 'vitest'
import { backtest } from './backtest.js'
import { loadRuleSet } from './rules/rule-set.js'
import { contact, customer, day, detectorWith } from './test-support/scenario.js'

describe('backtest', () => {
  it('lists the contacts a rule set without fan-out and gang links would lower, with both rule versions', () => {
    const customers = Array.from({ length: 4 }, (_, i) => customer(i + 1))
    const calls = [1, 2, 3].map((n) =>
      contact(`k${n}`, {
        customer_id: `C${n}`,
        received_at: day(n),
        caller: { phone: '16600002222', role: 'agent' },
      }),
    )
    const { index } = detectorWith(customers, calls)
    const baseline = loadRuleSet()
    const strict = structuredClone(baseline)
    strict.version = 'strict-fan-out'
    strict.signals.fan_out = { enabled: false, weight: 0.6 }
    strict.signals.gang_link = { enabled: false, weight: 0.55 }
    const pairs: string[] = []
    const r = backtest(index, baseline, strict, {
      onPair: (b, a) => pairs.push(`${b.rules_version}>${a.rules_version}`),
    })
    expect(r).toMatchObject({
      contacts: 3,
      flaggedBefore: 3,
      flaggedAfter: 0,
      lowered: 3,
      raised: 0,
    })
    expect(r.examples.lowered.map((f) => f.contact_id)).toEqual(['k1', 'k2', 'k3'])
    expect(pairs[0]).toBe(`${baseline.version}>strict-fan-out`)
  })
})
