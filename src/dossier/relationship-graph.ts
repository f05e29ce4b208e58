// The case's relationship graph: the agency's identifiers and the customers they spoke for, an edge
// wherever a contact of that customer carried that identifier. Laid out by the gang view's own
// layout (gangs/gang-layout.ts: ForceAtlas2 from a fixed circle, deterministic), so the dossier
// draws the picture investigators saw in the console, and the same case always the same picture.
import { layoutGang } from '../gangs/gang-layout.js'
export type GraphNode = {
  id: string
  kind: 'agency' | 'customer'
  /** phone, wechat, organization… for agency nodes. */
  type: string
  label: string
  x: number
  y: number
}
export type GraphEdge = { from: string; to: string }
export type RelationshipGraph = {
  width: number
  height: number
  nodes: GraphNode[]
  edges: GraphEdge[]
  hiddenCustomers: number
}

export type GraphInput = {
  agency: { id: string; type: string; label: string }[]
  customers: { id: string; label: string }[]
  edges: GraphEdge[]
}

/** More customers than this make an unreadable ring; the rest are counted, not drawn. */
export const MAX_DRAWN_CUSTOMERS = 48

/** Room left around the drawing for node labels. */
const MARGIN = 36

export function layoutGraph(input: GraphInput, width = 500, height = 380): RelationshipGraph {
  const agencyIndex = new Map(input.agency.map((a, i) => [a.id, i]))
  // The customers drawn: those tied to the first agency nodes first (the most telling ones).
  const tie = new Map<string, number>()
  for (const e of input.edges)
    tie.set(e.to, Math.min(tie.get(e.to) ?? 999, agencyIndex.get(e.from) ?? 999))
  const firstTie = (id: string) => tie.get(id) ?? 999
  const customers = [...input.customers]
    .sort((a, b) => firstTie(a.id) - firstTie(b.id) || a.id.localeCompare(b.id))
    .slice(0, MAX_DRAWN_CUSTOMERS)
  const ids = [...input.agency.map((a) => a.id), ...customers.map((c) => c.id)]
  const drawn = new Set(ids)
  const edges = input.edges.filter((e) => drawn.has(e.from) && drawn.has(e.to))
  const place = fitted(
    layoutGang({ nodes: ids, edges: edges.map((e) => [e.from, e.to] as [string, string]) }),
    width,
    height,
  )
  const nodes: GraphNode[] = [
    ...input.agency.map((a) => ({
      ...a,
      label: shortLabel(a.label),
      kind: 'agency' as const,
      ...place(a.id),
    })),
    ...customers.map((c) => ({
      ...c,
      kind: 'customer' as const,
      type: 'customer',
      ...place(c.id),
    })),
  ]
  return {
    width,
    height,
    nodes,
    edges,
    hiddenCustomers: input.customers.length - customers.length,
  }
}

/** Scales laid-out positions into the box, keeping their proportions, centred. */
function fitted(positions: Map<string, { x: number; y: number }>, width: number, height: number) {
  const all = [...positions.values()]
  const [minX, maxX] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))]
  const [minY, maxY] = [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))]
  const spanX = maxX - minX || 1
  const spanY = maxY - minY || 1
  const scale = Math.min((width - 2 * MARGIN) / spanX, (height - 2 * MARGIN) / spanY)
  const offX = (width - spanX * scale) / 2
  const offY = (height - spanY * scale) / 2
  if (all.length < 2) return () => ({ x: round(width / 2), y: round(height / 2) })
  return (id: string) => {
    const p = positions.get(id) ?? { x: minX, y: minY }
    return { x: round(offX + (p.x - minX) * scale), y: round(offY + (p.y - minY) * scale) }
  }
}

const round = (v: number) => Math.round(v * 100) / 100

/** Hashes and device ids are long: the picture shows their start, the tables the whole. */
const shortLabel = (label: string) => (label.length > 18 ? `${label.slice(0, 16)}…` : label)

export const nodeColours: Record<string, string> = {
  phone: '#cf1322',
  wechat: '#389e0d',
  email: '#d46b08',
  organization: '#531dab',
  agent_name: '#c41d7f',
  device: '#595959',
  sha256: '#08979c',
  customer: '#1d39c4',
}
