import { describe, expect, it } from 'vitest'
import type { EdgeKind, GangGraph } from './gang-graph.js'
import { addEvidence, emptyGangGraph } from './gang-graph.js'
import { louvainCommunities } from './communities.js'
import { rejoinSplitAgencies } from './rejoin-split-agencies.js'

const strong = (kind: EdgeKind) => ({ kind, strong: true, weight: 1 })

/** An agency: `clients` customers over `phones` phones, every client under the one company name. */
function agency(g: GangGraph, name: string, clients: number, phones: number): void {
  for (let i = 0; i < clients; i++) {
    const person = `customer:${name}${i}`
    addEvidence(g, person, `phone:${name}-${i % phones}`, strong('phone'), i)
    addEvidence(g, person, `organization:${name}`, strong('organization'), i)
  }
}

function groups(mapping: Map<string, number>): number {
  return new Set([...mapping].filter(([n]) => n.startsWith('customer:')).map(([, c]) => c)).size
}

describe('rejoining split agencies', () => {
  it('makes one gang of an agency Louvain cut along its phones', () => {
    const g = emptyGangGraph()
    agency(g, 'A', 60, 3)
    const louvain = louvainCommunities(g)
    expect(groups(louvain)).toBeGreaterThan(1)
    expect(groups(rejoinSplitAgencies(g, louvain))).toBe(1)
  })

  it('keeps apart two agencies that share a resold number for a few clients', () => {
    const g = emptyGangGraph()
    agency(g, 'A', 30, 2)
    agency(g, 'B', 30, 2)
    for (let i = 0; i < 3; i++)
      addEvidence(g, `customer:B${i}`, 'phone:A-0', strong('phone'), 100 + i)
    expect(groups(rejoinSplitAgencies(g, louvainCommunities(g)))).toBe(2)
  })
})
