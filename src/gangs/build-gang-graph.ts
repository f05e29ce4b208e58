// Builds the gang graph from the detection index: one pass over the identifier postings, one over
// the template groups. The index is the one detection reasons over, so the graph sees exactly
// what detection saw, and nothing it would not trust.
import type { ContactFacts } from '../detect/contact-facts.js'
import type { DetectionIndex } from '../detect/detection-index.js'
import { speaksLikeRepresentative } from '../detect/representative.js'
import type { DetectionSettings } from '../detect/rules/rule-set.js'
import type { GangGraph } from './gang-graph.js'
import { addEvidence, emptyGangGraph } from './gang-graph.js'
import { edgeKindOf, ringIps, TRUST_WEIGHT, trustOf } from './trusted-edges.js'

export function personKey(c: ContactFacts): string {
  return c.customerId ? `customer:${c.customerId}` : `contact:${c.contactId}`
}

export function buildGangGraph(index: DetectionIndex, s: DetectionSettings): GangGraph {
  const g = emptyGangGraph()
  addIdentifierEdges(g, index, s)
  addTemplateEdges(g, index, s)
  return g
}

function addIdentifierEdges(g: GangGraph, index: DetectionIndex, s: DetectionSettings): void {
  const ips = ringIps(index)
  for (const identifier of index.postings.keys()) {
    const kind = edgeKindOf(identifier, ips)
    if (!kind) continue
    const trust = trustOf(index, identifier, kind, s)
    if (!trust) continue
    for (const i of index.postings.contactsOf(identifier)) {
      const c = index.contacts[i]
      // The customer's own number on file is theirs, not the agency's.
      if (!c || index.isOnFileFor(c.customerId, identifier)) continue
      // An identifier of one customer belongs to the gang only as an agent's: said for someone else.
      if (trust === 'single' && !speaksLikeRepresentative(index, c)) continue
      const edge = { kind, strong: trust === 'strong', weight: TRUST_WEIGHT[trust] }
      addEvidence(g, personKey(c), identifier, edge, i)
    }
  }
}

/**
 * A circulating template joins the customers whose letters came from someone speaking for them;
 * consumers who copied it and wrote as themselves are not drawn in (detection's own_template).
 */
function addTemplateEdges(g: GangGraph, index: DetectionIndex, s: DetectionSettings): void {
  for (const group of index.templates.groups()) {
    if (group.customers < s.template_min_customers) continue
    const ids = group.members.map((m) => index.contacts[m]?.contactId ?? '').sort()
    const node = `text_template:${ids[0] ?? group.id}`
    for (const m of group.members) {
      const c = index.contacts[m]
      if (!c || !speaksLikeRepresentative(index, c)) continue
      const edge = { kind: 'text_template' as const, strong: false, weight: TRUST_WEIGHT.content }
      addEvidence(g, personKey(c), node, edge, m)
    }
  }
}
