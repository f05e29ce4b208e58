import { describe, expect, it } from 'vitest'
import { louvainCommunities } from './communities.js'
import { addEvidence, emptyGangGraph } from './gang-graph.js'
import { peelTrees } from './tree-peeling.js'

const edge = { kind: 'phone' as const, strong: true, weight: 1 }

describe('tree peeling before Louvain', () => {
  it('keeps a star of clients around one phone together as one community', () => {
    const g = emptyGangGraph()
    for (let i = 0; i < 6; i++) addEvidence(g, `customer:S${i}`, 'phone:star', edge, i)
    expect(peelTrees(g).core.order).toBe(0)
    const m = louvainCommunities(g)
    expect(new Set(m.values()).size).toBe(1)
  })

  it("hangs an agent's one-off number on its customer's community, apart from strangers", () => {
    const g = emptyGangGraph()
    for (let i = 0; i < 4; i++) {
      addEvidence(g, `customer:A${i}`, 'phone:a1', edge, i)
      addEvidence(g, `customer:A${i}`, 'wechat:a2', edge, 10 + i)
    }
    addEvidence(g, 'customer:A0', 'phone:once', edge, 20)
    addEvidence(g, 'customer:X', 'phone:stranger', edge, 21)
    const { core } = peelTrees(g)
    expect(core.hasNode('phone:once')).toBe(false)
    const m = louvainCommunities(g)
    expect(m.get('phone:once')).toBe(m.get('customer:A0'))
    expect(m.get('customer:X')).toBe(m.get('phone:stranger'))
    expect(m.get('customer:X')).not.toBe(m.get('customer:A0'))
  })
})
