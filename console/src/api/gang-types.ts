// The shapes of the gang responses (docs/api.md, "Gangs").
import type { EdgeKind as GangEdgeKind } from '../../../src/gangs/gang-vocabulary'
import type { Severity } from './types'

export { edgeKinds as gangEdgeKinds, gangSorts } from '../../../src/gangs/gang-vocabulary'
export type { EdgeKind as GangEdgeKind, GangSort } from '../../../src/gangs/gang-vocabulary'

export type PresentedIdentifier = { ref: string; identifier: string; kind: string }

export type GangRow = {
  gang_id: string
  status: string
  merged_into: string | null
  customers: number
  contacts: number
  nodes: number
  severity: Severity
  growth: number
  first_seen: string | null
  last_seen: string | null
  organizations: { key: string; names: string[] }[]
  agent_phones: PresentedIdentifier[]
  computed_at: string
}

export type GangDetail = GangRow & {
  summary: {
    customers: number
    contacts: number
    identifiers: Partial<Record<GangEdgeKind, number>>
    organizations: { key: string; names: string[] }[]
    agent_phones: PresentedIdentifier[]
    wechat_ids: PresentedIdentifier[]
    templates: (PresentedIdentifier & { customers: number })[]
    forged_files: (PresentedIdentifier & { kinds: string[]; customers: number })[]
    outstanding_fen: number | null
    first_seen: string | null
    last_seen: string | null
    channels: Record<string, number>
    severity: Severity
    severity_reasons: string[]
    growth_this_month: number
    detector_gang_ids: string[]
  }
}

export type GangGraphNode = {
  id: string
  label: string
  kind: string
  x: number | null
  y: number | null
  degree: number
  gang_id: string | null
}

export type GangGraphEdge = {
  source: string
  target: string
  kind: GangEdgeKind
  strong: boolean
  contact_count: number
  contacts: string[]
}

export type GangGraphPayload = {
  nodes: GangGraphNode[]
  edges: GangGraphEdge[]
  truncated: boolean
}

export type GangCaseResult = {
  case_id: string
  opened: boolean
  added: { contacts: number; customers: number; identifiers: number }
}
