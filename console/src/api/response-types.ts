// What the response admin pages read: call scripts with their branches and versions, the editor's
// problems, script analytics, representatives with their checklist, and the material standards.
import type { RepresentativeKind } from '../../../src/representatives/representative'
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

// Representatives travel as the server defines them (its module is dependency-free).
export type {
  ItemCheck,
  Representative,
  RepresentativeKind,
  RepresentativeStatus,
  RepresentativeView,
} from '../../../src/representatives/representative'
export type MaterialStandards = {
  version: number
  kinds: Record<
    RepresentativeKind,
    { label: Bilingual; items: { item: string; label: Bilingual; attachment_kinds: string[] }[] }
  >
}
