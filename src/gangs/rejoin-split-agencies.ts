// Louvain maximises modularity, so one agency working its clients over three phones comes back as
// three communities, each around a phone, all hanging on the same company name. An investigator
// wants the agency: a community whose people mostly (half or more) have a strong edge to one
// identifier of another community joins it. Two agencies that merely share a recycled number are
// not joined: that number reaches a few of the other's clients, never half.
import { UnionFind } from '../detect/union-find.js'
import type { GangGraph } from './gang-graph.js'
import { isPersonKey } from './gang-graph.js'

export function rejoinSplitAgencies(
  g: GangGraph,
  mapping: Map<string, number>,
): Map<string, number> {
  const size = new Map<number, number>()
  let top = 0
  for (const [node, c] of mapping) {
    top = Math.max(top, c)
    if (isPersonKey(node)) size.set(c, (size.get(c) ?? 0) + 1)
  }
  const uf = new UnionFind(top + 1)
  g.forEachNode((node) => {
    if (isPersonKey(node)) return
    const home = mapping.get(node)
    if (home === undefined) return
    const reached = new Map<number, number>()
    g.forEachEdge(node, (_e, a, s, t) => {
      const other = s === node ? t : s
      const c = mapping.get(other)
      if (a.strong && c !== undefined && c !== home) reached.set(c, (reached.get(c) ?? 0) + 1)
    })
    for (const [c, n] of reached) if (n >= 2 && n * 2 >= (size.get(c) ?? 0)) uf.union(home, c)
  })
  const out = new Map<string, number>()
  for (const [node, c] of mapping) out.set(node, uf.find(c))
  return out
}
