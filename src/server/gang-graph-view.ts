// The graph payloads of the gang view: a gang's own nodes and edges laid out (positions cached per
// recomputation), and the recorded edges around one node for "expand".
import type { Context } from '../context.js'
import type { EdgeKind, GangEdge } from '../gangs/index.js'
import {
  edgesAround,
  edgesOfGang,
  findGang,
  gangsOfNodes,
  layoutGang,
  membersOfGang,
} from '../gangs/index.js'
import type { Positions } from '../gangs/index.js'
import type { GraphNode } from './gang-present.js'
import { graphEdge, graphNode } from './gang-present.js'
import type { IdentifierRefs } from './identifier-ref.js'
import type { Presenter } from './present.js'

/** Sigma draws this many fluidly; a larger gang shows its best-connected nodes. */
export const MAX_GRAPH_NODES = 5000
const MAX_EXPAND_EDGES = 300
const CACHED_LAYOUTS = 32

type View = { ctx: Context; refs: IdentifierRefs; present: Presenter }
export type GraphPayload = {
  nodes: GraphNode[]
  edges: ReturnType<typeof graphEdge>[]
  truncated: boolean
}

const layouts = new Map<string, Positions>()

export async function gangGraph(
  v: View,
  gangId: string,
  kinds: EdgeKind[] | undefined,
): Promise<GraphPayload | null> {
  const gang = await findGang(v.ctx.db, gangId)
  if (!gang) return null
  const members = await membersOfGang(v.ctx.db, gangId)
  const all = await edgesOfGang(v.ctx.db, gangId)
  const degree = degrees(all)
  const kept = members
    .map((m) => m.node)
    .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || a.localeCompare(b))
    .slice(0, MAX_GRAPH_NODES)
  const inView = new Set(kept)
  const edges = all.filter((e) => inView.has(e.source) && inView.has(e.target))
  const positions = cachedLayout(`${gangId}@${gang.computed_at}`, kept, edges)
  const shown = kinds ? edges.filter((e) => kinds.includes(e.kind as EdgeKind)) : edges
  return {
    nodes: kept.map((key) =>
      graphNode(key, v.refs, v.present, {
        position: positions.get(key),
        degree: degree.get(key) ?? 0,
        gangId,
      }),
    ),
    edges: shown.map((e) => graphEdge(e, v.refs)),
    truncated: kept.length < members.length,
  }
}

export async function expandNode(
  v: View,
  key: string,
  kinds: EdgeKind[] | undefined,
): Promise<GraphPayload> {
  const around = await edgesAround(v.ctx.db, key, MAX_EXPAND_EDGES)
  const edges = kinds ? around.filter((e) => kinds.includes(e.kind as EdgeKind)) : around
  const keys = [...new Set([key, ...edges.flatMap((e) => [e.source, e.target])])]
  const gangs = await gangsOfNodes(v.ctx.db, keys)
  const degree = degrees(edges)
  return {
    nodes: keys.map((k) =>
      graphNode(k, v.refs, v.present, { degree: degree.get(k) ?? 0, gangId: gangs.get(k) ?? null }),
    ),
    edges: edges.map((e) => graphEdge(e, v.refs)),
    truncated: around.length >= MAX_EXPAND_EDGES,
  }
}

function degrees(edges: readonly GangEdge[]): Map<string, number> {
  const d = new Map<string, number>()
  for (const e of edges) {
    d.set(e.source, (d.get(e.source) ?? 0) + 1)
    d.set(e.target, (d.get(e.target) ?? 0) + 1)
  }
  return d
}

function cachedLayout(key: string, nodes: string[], edges: readonly GangEdge[]): Positions {
  const known = layouts.get(key)
  if (known) return known
  const positions = layoutGang({ nodes, edges: edges.map((e) => [e.source, e.target]) })
  if (layouts.size >= CACHED_LAYOUTS) layouts.delete(layouts.keys().next().value ?? '')
  layouts.set(key, positions)
  return positions
}
