// Positions for drawing a gang, computed once on the server (ForceAtlas2 from a deterministic
// circle), so the browser only draws: a 5,000-node gang arrives laid out and stays fluid.
import { UndirectedGraph } from 'graphology'
import forceAtlas2Module from 'graphology-layout-forceatlas2'

// A CommonJS module whose types declare an ES default: Node hands the function itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default

export type LayoutInput = { nodes: readonly string[]; edges: readonly [string, string][] }
export type Positions = Map<string, { x: number; y: number }>

/** Fewer iterations for larger graphs: Barnes–Hut keeps each one near n log n. */
function iterationsFor(order: number): number {
  if (order <= 200) return 300
  if (order <= 1000) return 150
  return 60
}

export function layoutGang(input: LayoutInput): Positions {
  const g = new UndirectedGraph()
  const n = input.nodes.length
  input.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1)
    g.addNode(node, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 })
  })
  for (const [s, t] of input.edges) if (g.hasNode(s) && g.hasNode(t)) g.mergeEdge(s, t)
  if (g.size > 0) {
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: n > 500 }
    forceAtlas2.assign(g, { iterations: iterationsFor(n), settings })
  }
  const out: Positions = new Map()
  g.forEachNode((node, a) => out.set(node, { x: round(a.x as number), y: round(a.y as number) }))
  return out
}

const round = (v: number) => Math.round(v * 100) / 100
