// The identifier graph the gang view is drawn from: customers (or a contact standing for an unknown
// customer) joined to the agency-side identifiers their contacts carried, each edge with the
// contacts that are its evidence. Only edges detection trusts are drawn (trusted-edges.ts).
import { UndirectedGraph } from 'graphology'
import type { EdgeKind } from './gang-vocabulary.js'

export { edgeKinds } from './gang-vocabulary.js'
export type { EdgeKind } from './gang-vocabulary.js'

/** A person node is a customer, or a contact whose customer is unknown (it may be anyone's). */
export type PersonKind = 'customer' | 'contact'
export type NodeKind = PersonKind | EdgeKind

export type NodeAttributes = { kind: NodeKind }

export type EdgeAttributes = {
  kind: EdgeKind
  /** Strong: the identifier spoke for enough customers, or a victim or the watchlist named it. */
  strong: boolean
  /** Louvain's weight: a weak or content edge pulls less than a strong one. */
  weight: number
  /** Indexes (in the detection index) of the contacts that carried this identifier for this person. */
  contacts: number[]
}

export type GangGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>

export function emptyGangGraph(): GangGraph {
  return new UndirectedGraph<NodeAttributes, EdgeAttributes>()
}

export function isPersonKey(key: string): boolean {
  return key.startsWith('customer:') || key.startsWith('contact:')
}

export function kindOfKey(key: string): NodeKind {
  return key.slice(0, key.indexOf(':')) as NodeKind
}

/** Adds the edge, or adds the contact to an existing one (a stronger kind of trust wins). */
export function addEvidence(
  g: GangGraph,
  person: string,
  identifier: string,
  e: { kind: EdgeKind; strong: boolean; weight: number },
  contactIdx: number,
): void {
  if (!g.hasNode(person)) g.addNode(person, { kind: kindOfKey(person) })
  if (!g.hasNode(identifier)) g.addNode(identifier, { kind: e.kind })
  const existing = g.edge(person, identifier)
  if (existing === undefined) {
    g.addEdge(person, identifier, { ...e, contacts: [contactIdx] })
    return
  }
  const a = g.getEdgeAttributes(existing)
  if (a.contacts[a.contacts.length - 1] !== contactIdx) a.contacts.push(contactIdx)
  if (e.strong && !a.strong) g.mergeEdgeAttributes(existing, { strong: true, weight: e.weight })
}
