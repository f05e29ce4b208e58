// Kysely table interfaces of the gangs (migration 0010-gangs).
export type GangTable = {
  gang_id: string
  /** active, merged (into merged_into) or dissolved. */
  status: string
  merged_into: string | null
  customers: number
  contacts: number
  nodes: number
  severity: string
  /** 2 for level1, 1 for level2: what the list sorts on. */
  severity_rank: number
  growth: number
  first_seen: string | null
  last_seen: string | null
  /** GangSummary as JSON. */
  summary: string
  created_at: string
  computed_at: string
}

export type GangMemberTable = { gang_id: string; node: string; kind: string }

export type GangEdgeTable = {
  source: string
  target: string
  kind: string
  strong: number
  source_gang: string | null
  target_gang: string | null
  contact_count: number
  /** The first contact ids that are its evidence, as a JSON array. */
  contacts: string
}

export type GangRunTable = {
  run_id: string
  computed_at: string
  nodes: number
  edges: number
  gangs: number
  created: number
  merged: number
  dissolved: number
  ms: number
}
