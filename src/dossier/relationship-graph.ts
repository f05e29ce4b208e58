// The case's relationship graph: the agency's identifiers in the middle, the customers they spoke
// for around them, an edge wherever a contact of that customer carried that identifier. Laid out
// deterministically so that the same case always draws the same picture.
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

export function layoutGraph(input: GraphInput, width = 500, height = 380): RelationshipGraph {
  const cx = width / 2
  const cy = height / 2
  const agencyIndex = new Map(input.agency.map((a, i) => [a.id, i]))
  // Customers sit next to the first agency node they are tied to, so edges stay short.
  const firstTie = (id: string) =>
    Math.min(
      ...input.edges.filter((e) => e.to === id).map((e) => agencyIndex.get(e.from) ?? 999),
      999,
    )
  const customers = [...input.customers]
    .sort((a, b) => firstTie(a.id) - firstTie(b.id) || a.id.localeCompare(b.id))
    .slice(0, MAX_DRAWN_CUSTOMERS)
  // Many agency nodes need a wider inner ring for their labels to stand apart.
  const inner =
    input.agency.length > 1 ? Math.min(width, height) * (input.agency.length > 6 ? 0.24 : 0.16) : 0
  const outer = Math.min(width, height) * 0.4
  const nodes: GraphNode[] = [
    ...input.agency.map((a, i) => ({
      ...a,
      label: shortLabel(a.label),
      kind: 'agency' as const,
      ...onCircle(cx, cy, inner, i, input.agency.length, -Math.PI / 2),
    })),
    ...customers.map((c, i) => ({
      ...c,
      kind: 'customer' as const,
      type: 'customer',
      ...onCircle(cx, cy, outer, i, customers.length, -Math.PI / 2),
    })),
  ]
  const drawn = new Set(nodes.map((n) => n.id))
  return {
    width,
    height,
    nodes,
    edges: input.edges.filter((e) => drawn.has(e.from) && drawn.has(e.to)),
    hiddenCustomers: input.customers.length - customers.length,
  }
}

function onCircle(cx: number, cy: number, r: number, i: number, n: number, start: number) {
  const angle = start + (2 * Math.PI * i) / Math.max(n, 1)
  return { x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)) }
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
