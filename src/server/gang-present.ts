// What leaves the API about gangs: identifiers as masked text with an opaque ref, customers by their
// id (never a name in the graph), organisation names and amounts as recorded.
import type { Gang, GangEdge, GangSummary } from '../gangs/index.js'
import { isPersonKey, kindOfKey } from '../gangs/index.js'
import { maskText } from '../privacy/index.js'
import type { IdentifierRefs } from './identifier-ref.js'
import type { Presenter } from './present.js'

export type GraphNode = {
  id: string
  label: string
  kind: string
  x: number | null
  y: number | null
  degree: number
  gang_id: string | null
}

export function presentGangRow(g: Gang, present: Presenter) {
  return {
    gang_id: g.gang_id,
    status: g.status,
    merged_into: g.merged_into,
    customers: g.customers,
    contacts: g.contacts,
    nodes: g.nodes,
    severity: g.severity,
    growth: g.growth,
    first_seen: g.first_seen,
    last_seen: g.last_seen,
    organizations: g.summary.organizations.slice(0, 3).map((o) => organization(o)),
    agent_phones: g.summary.agent_phones.slice(0, 3).map((p) => present.identifier(p)),
    computed_at: g.computed_at,
  }
}

export function presentGang(g: Gang, present: Presenter) {
  return { ...presentGangRow(g, present), summary: presentSummary(g.summary, present) }
}

function organization(o: GangSummary['organizations'][number]) {
  return { key: o.key.replace(/^organization:/, ''), names: o.names.map((n) => maskText(n)) }
}

function presentSummary(s: GangSummary, present: Presenter) {
  return {
    ...s,
    organizations: s.organizations.map(organization),
    agent_phones: s.agent_phones.map((p) => present.identifier(p)),
    wechat_ids: s.wechat_ids.map((w) => present.identifier(w)),
    templates: s.templates.map((t) => ({ ...present.identifier(t.key), customers: t.customers })),
    forged_files: s.forged_files.map((f) => ({
      ...present.identifier(f.key),
      kinds: f.kinds,
      customers: f.customers,
    })),
  }
}

export function graphNode(
  key: string,
  refs: IdentifierRefs,
  present: Presenter,
  o: { position?: { x: number; y: number }; degree: number; gangId: string | null },
): GraphNode {
  const label = isPersonKey(key)
    ? key.slice(key.indexOf(':') + 1)
    : present.identifier(key).identifier.replace(/^[a-z_0-9]+:/, '')
  return {
    id: refs.ref(key),
    label,
    kind: kindOfKey(key),
    x: o.position?.x ?? null,
    y: o.position?.y ?? null,
    degree: o.degree,
    gang_id: o.gangId,
  }
}

export function graphEdge(e: GangEdge, refs: IdentifierRefs) {
  return {
    source: refs.ref(e.source),
    target: refs.ref(e.target),
    kind: e.kind,
    strong: e.strong,
    contact_count: e.contact_count,
    contacts: e.contacts,
  }
}
