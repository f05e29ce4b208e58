// A call run: one call handled with one pinned script version, the answers given so far and how it
// ended. Interrupted runs stay `in_progress` and resume where they stopped.
import type { AnswerValue } from './script-engine.js'
import type { CallOutcome } from './script-definition.js'

export const callStatuses = ['in_progress', 'completed', 'ended_early'] as const
export type CallStatus = (typeof callStatuses)[number]

/** Why a call ended before its script did — where calls end is what script analytics show. */
export const endReasons = ['caller_hung_up', 'call_dropped', 'transferred', 'other'] as const
export type EndReason = (typeof endReasons)[number]

export type CallAnswer = {
  seq: number
  step_id: string
  value: AnswerValue
  signal: string | null
  answered_by: string
  answered_at: string
}

export type CallRun = {
  call_id: string
  script_id: string
  script_version: number
  contact_id: string
  customer_id: string | null
  caller_identifier: string | null
  status: CallStatus
  current_step: string | null
  outcome: CallOutcome | null
  end_reason: EndReason | null
  started_by: string
  started_at: string
  updated_at: string
  ended_at: string | null
  answers: CallAnswer[]
}
