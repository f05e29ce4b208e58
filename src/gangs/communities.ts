// Communities of the gang graph by Louvain (modularity, weighted), then only those that qualify as
// a gang by detection's own test: enough customers, and held by a strong edge or talking like an
// agency. The random source is seeded so that the same graph always gives the same communities.
import louvainModule from 'graphology-communities-louvain'
import type { DetectionIndex } from '../detect/detection-index.js'
import { speaksLikeRepresentative } from '../detect/representative.js'
import type { GangGraph } from './gang-graph.js'
import { isPersonKey } from './gang-graph.js'
import { rejoinSplitAgencies } from './rejoin-split-agencies.js'

// A CommonJS module whose types declare an ES default: Node hands the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default

export type Community = {
  /** Every node, people and identifiers, sorted. */
  nodes: string[]
  /** The customers (and stand-in contacts) only, sorted: what gang ids are matched on. */
  persons: string[]
  customers: number
}

export function louvainCommunities(g: GangGraph, seed = 2026): Map<string, number> {
  if (g.size === 0) return new Map()
  const mapping = louvain(g, { getEdgeWeight: 'weight', rng: seededRandom(seed) })
  return new Map(Object.entries(mapping))
}

export function gangCommunities(
  g: GangGraph,
  index: DetectionIndex,
  minCustomers: number,
  seed?: number,
): Community[] {
  const byCommunity = new Map<number, string[]>()
  for (const [node, c] of rejoinSplitAgencies(g, louvainCommunities(g, seed))) {
    const list = byCommunity.get(c)
    if (list) list.push(node)
    else byCommunity.set(c, [node])
  }
  const out: Community[] = []
  for (const nodes of byCommunity.values()) {
    const persons = nodes.filter(isPersonKey).sort()
    const customers = persons.filter((p) => p.startsWith('customer:')).length
    if (customers < minCustomers || !qualifies(g, index, new Set(nodes))) continue
    out.push({ nodes: nodes.sort(), persons, customers })
  }
  return out.sort(
    (a, b) => b.customers - a.customers || (a.persons[0] ?? '').localeCompare(b.persons[0] ?? ''),
  )
}

/** Held by a strong edge, or half of its contacts speak for someone else (src/detect/gangs.ts). */
function qualifies(g: GangGraph, index: DetectionIndex, members: ReadonlySet<string>): boolean {
  const contacts = new Set<number>()
  let strong = false
  for (const node of members) {
    g.forEachEdge(node, (_e, a, source, target) => {
      if (!members.has(source) || !members.has(target)) return
      strong ||= a.strong
      for (const c of a.contacts) contacts.add(c)
    })
    if (strong) return true
  }
  let representative = 0
  for (const i of contacts) {
    const c = index.contacts[i]
    if (c && speaksLikeRepresentative(index, c)) representative++
  }
  return contacts.size > 0 && representative * 2 >= contacts.size
}

/** mulberry32: a small seeded generator, so recomputations of the same graph agree. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
