// A verification task: ask the customer, through a channel they registered with us, whether they
// authorised the person acting in their name. The answer feeds detection; it never closes a complaint.
import type { VerificationOutcome } from '../detect/index.js'
import { maskIdentifier } from '../privacy/index.js'

export { verificationOutcomes } from '../detect/index.js'
export type { VerificationOutcome } from '../detect/index.js'

/** `callback`: an agent calls the registered phone (the task queue); the others go through the outbox. */
export const verificationChannels = ['callback', 'sms', 'in_app'] as const
export type VerificationChannel = (typeof verificationChannels)[number]

export const taskStatuses = ['open', 'awaiting_reply', 'completed', 'cancelled'] as const
export type TaskStatus = (typeof taskStatuses)[number]

/** Unreachable this many times and the task is completed as unreachable; a handler decides next. */
export const MAX_UNREACHABLE_ATTEMPTS = 3

export type VerificationTask = {
  task_id: string
  customer_id: string
  contact_id: string | null
  call_id: string | null
  representative_id: string | null
  representative_key: string
  representative_label: string | null
  channel: VerificationChannel
  status: TaskStatus
  outcome: VerificationOutcome | null
  outcome_note: string | null
  attempts: number
  assigned_to: string | null
  created_by: string
  created_at: string
  updated_at: string
  completed_by: string | null
  completed_at: string | null
}

/** The representative as the question names them: a number masked, nothing for a contact without one. */
export function representativeLabelOf(representativeKey: string): string | null {
  return representativeKey.startsWith('phone:')
    ? maskIdentifier(representativeKey).replace(/^phone:/, '')
    : null
}

/** The question, as the customer hears or reads it; the representative is named only masked. */
export function verificationQuestion(representative: string | null): {
  'zh-CN': string
  en: string
} {
  const who = representative ? `（${representative}）` : ''
  return {
    'zh-CN': `【客户服务中心】您好，近期有人${who}以您的名义就您的借款联系我们。请问您是否授权其代您办理？本平台不会通过任何第三方收取费用。如非本人授权，请直接联系官方客服。`,
    en: `[Customer service] Someone${representative ? ` (${representative})` : ''} recently contacted us about your loan in your name. Did you authorise them to act for you? We never charge fees through third parties. If you did not, please contact our official customer service directly.`,
  }
}
