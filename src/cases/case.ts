// A case and what the API accepts to open and work one. Types come from the schemas (z.infer).
import { z } from 'zod'
import { severities } from '../contract/index.js'
import type { Severity } from '../contract/index.js'
import type { CaseOutcome, CaseState } from './case-state.js'
import { caseOutcomes, caseStates } from './case-state.js'

export const memberKinds = ['contact', 'customer', 'identifier'] as const
export type MemberKind = (typeof memberKinds)[number]

export const originKinds = ['contact', 'gang', 'identifier', 'manual'] as const
export type OriginKind = (typeof originKinds)[number]

export type Bilingual = { 'zh-CN': string; en: string }

const text = (max: number) => z.string().trim().max(max)
const reason = z.string().trim().min(2, { message: 'say why (2 characters or more)' }).max(2000)

export const jointPartnerSchema = z.object({
  institution: text(200).min(1, { message: 'name the institution' }),
  reference: text(200).default(''),
})
export type JointPartner = z.infer<typeof jointPartnerSchema>

export const amountSchema = z.object({
  label: text(200).min(1, { message: 'say what the amount is' }),
  /** In fen, so that sums are exact. */
  fen: z.number().int().nonnegative().max(1e15),
})
export type CaseAmount = z.infer<typeof amountSchema>

export const openCaseSchema = z.object({
  origin: z.enum(originKinds),
  /** The contact id, gang id or identifier key the case is opened from; none when manual. */
  ref: text(2000).optional(),
  title: text(200).optional(),
  summary: text(10_000).optional(),
})
export type OpenCaseInput = z.infer<typeof openCaseSchema>

export const transitionSchema = z.object({
  to: z.enum(caseStates),
  reason,
  outcome: z.enum(caseOutcomes).optional(),
  police_report_ref: text(200).optional(),
  police_case_ref: text(200).optional(),
})
export type TransitionInput = z.infer<typeof transitionSchema>

export const updateCaseSchema = z
  .object({
    title: text(200).min(1).optional(),
    summary: text(10_000).optional(),
    assignee: text(100).nullable().optional(),
    due_at: z.iso.datetime({ offset: true }).nullable().optional(),
    severity: z.enum(severities).nullable().optional(),
    joint: z.boolean().optional(),
    joint_partners: z.array(jointPartnerSchema).max(50).optional(),
    amounts: z.array(amountSchema).max(100).optional(),
    reason: text(2000).optional(),
  })
  .refine((u) => u.severity === undefined || (u.reason ?? '').length >= 2, {
    message: 'changing the severity needs a reason',
    path: ['reason'],
  })
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>

export const commentSchema = z.object({ text: text(10_000).min(1, { message: 'write something' }) })

export const addMembersSchema = z.object({
  kind: z.enum(memberKinds),
  ids: z.array(text(2000).min(1)).min(1).max(500),
})

export type Case = {
  case_id: string
  title: string
  summary: string
  state: CaseState
  outcome: CaseOutcome | null
  severity: Severity | null
  severity_reasons: Bilingual[]
  origin_kind: OriginKind
  origin_ref: string | null
  gang_id: string | null
  assignee: string | null
  due_at: string | null
  joint: boolean
  joint_partners: JointPartner[]
  amounts: CaseAmount[]
  police_report_ref: string | null
  police_case_ref: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export type CaseMember = {
  kind: MemberKind
  id: string
  via: string
  added_by: string
  added_at: string
}

export const caseEventKinds = [
  'opened',
  'transition',
  'updated',
  'comment',
  'members_added',
  'evidence_added',
  'victim_report_linked',
] as const
export type CaseEventKind = (typeof caseEventKinds)[number]

export type CaseEvent = {
  seq: number
  at: string
  actor: string
  kind: CaseEventKind
  from_state: CaseState | null
  to_state: CaseState | null
  detail: Record<string, unknown>
}
