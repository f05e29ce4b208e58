// Most of a large identifier graph is trees: an agent's number seen for one customer, a star of
// clients around one phone. Peeling them off (repeatedly removing nodes of degree one) leaves the
// 2-core, where Louvain has real choices to make; each peeled node then joins the community of the
// node it hung from, and a tree with nothing left under it is one community of its own. At a
// million identifiers this cuts Louvain's graph to the agencies' dense part.
import { UndirectedGraph } from 'graphology'
import type { EdgeAttributes, GangGraph, NodeAttributes } from './gang-graph.js'

export type Peeled = {
  core: GangGraph
  /** Peeled nodes in the order removed, each with the neighbour it hung from (if any was left). */
  order: { node: string; parent: string | null }[]
}

export function peelTrees(g: GangGraph): Peeled {
  const degree = new Map<string, number>()
  const queue: string[] = []
  g.forEachNode((node) => {
    const d = g.degree(node)
    degree.set(node, d)
    if (d <= 1) queue.push(node)
  })
  const removed = new Set<string>()
  const order: Peeled['order'] = []
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string
    if (removed.has(node)) continue
    removed.add(node)
    let parent: string | null = null
    g.forEachNeighbor(node, (n) => {
      if (removed.has(n)) return
      parent = n
      const d = (degree.get(n) ?? 0) - 1
      degree.set(n, d)
      if (d <= 1) queue.push(n)
    })
    order.push({ node, parent })
  }
  return { core: coreOf(g, removed), order }
}

function coreOf(g: GangGraph, removed: ReadonlySet<string>): GangGraph {
  const core = new UndirectedGraph<NodeAttributes, EdgeAttributes>()
  g.forEachNode((node, a) => {
    if (!removed.has(node)) core.addNode(node, a)
  })
  g.forEachEdge((_e, a, s, t) => {
    if (!removed.has(s) && !removed.has(t)) core.addEdge(s, t, a)
  })
  return core
}

/** Gives every peeled node its parent's community, in reverse order so parents come first. */
export function attachPeeled(order: Peeled['order'], mapping: Map<string, number>): void {
  let next = 0
  for (const c of mapping.values()) next = Math.max(next, c + 1)
  for (let i = order.length - 1; i >= 0; i--) {
    const { node, parent } = order[i] as Peeled['order'][number]
    const c = parent === null ? undefined : mapping.get(parent)
    mapping.set(node, c ?? next++)
  }
}
