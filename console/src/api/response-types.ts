// What the response admin pages read: call scripts with their branches and versions, the editor's
// problems, script analytics, representatives with their checklist, and the material standards.
import type { Bilingual, ScriptStep } from './types'

export type ScriptBranch = {
  when?: { in?: string[]; min?: number; max?: number }
  next?: string
  outcome?: string
  signal?: string
}

export type ScriptDefinition = {
  id: string
  version: number
  title: Bilingual
  description?: Bilingual
  start: string
  steps: (ScriptStep & { branches: ScriptBranch[] })[]
}

export type ScriptSummary = {
  id: string
  title?: Bilingual
  current_version?: number
  versions: { version: number; source: string; created_by: string; created_at: string }[]
}

export type ScriptProblem = { field: string; step: string | null; message: string }

export type ScriptAnalytics = {
  script_id: string
  version: number | null
  calls: number
  by_status: { status: string; calls: number }[]
  by_outcome: { outcome: string; calls: number }[]
  stopped_at: { step_id: string; status: string; calls: number }[]
  answers: { step_id: string; value: string; calls: number; outcomes: Record<string, number> }[]
}

export type RepresentativeStatus = 'pending' | 'verified' | 'rejected' | 'expired'
export type RepresentativeKind = 'lawyer' | 'relative' | 'other_agent'

export type Representative = {
  representative_id: string
  customer_id: string
  contact_id: string | null
  kind: RepresentativeKind
  name: string
  phone_identifier: string | null
  organization: string | null
  status: RepresentativeStatus
  status_reason: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  authorised_until: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export type ItemCheck = {
  item: string
  label: Bilingual
  status: 'present' | 'missing' | 'suspicious'
  files: string[]
}

export type RepresentativeView = Representative & {
  materials: {
    item: string
    sha256: string
    filename: string | null
    added_by: string
    added_at: string
  }[]
  check: { complete: boolean; items: ItemCheck[] }
  reviews: { status: string; reason: string | null; reviewed_by: string; reviewed_at: string }[]
}

export type MaterialStandards = {
  version: number
  kinds: Record<
    RepresentativeKind,
    { label: Bilingual; items: { item: string; label: Bilingual; attachment_kinds: string[] }[] }
  >
}
