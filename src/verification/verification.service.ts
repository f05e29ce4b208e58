// Verification with the customer: a task to a registered channel asking whether they authorised the
// representative, messages through the outbox, and the outcome fed back into detection — the
// assessments it touches are recomputed and each change is logged with its reason.
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import { representativeKeyOf } from '../detect/index.js'
import type { AssessmentChange, Reassessment } from '../response/reassessment.js'
import { ResponseError } from '../response/response-error.js'
import { storedContact } from '../response/stored-contact.js'
import { enqueueMessage } from './outbox.repository.js'
import type {
  VerificationChannel,
  VerificationOutcome,
  VerificationTask,
} from './verification-task.js'
import {
  MAX_UNREACHABLE_ATTEMPTS,
  representativeLabelOf,
  verificationQuestion,
} from './verification-task.js'
import { insertTask, loadTask, openTaskFor, updateTask } from './verification-tasks.repository.js'

export type VerificationDeps = {
  ctx: Context
  reassess: Reassessment
  /** Called after a message is queued, so it leaves now rather than at the next tick. */
  onQueued?: () => void
}

export type NewTask = {
  customerId: string
  contactId?: string | null
  callId?: string | null
  representativeId?: string | null
  channel: VerificationChannel
  actor: string
}

/** Creates the task, or returns the unfinished one already asking the same question. */
export async function createVerificationTask(
  deps: VerificationDeps,
  input: NewTask,
): Promise<{ task: VerificationTask; created: boolean }> {
  const { ctx } = deps
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['customer_id', 'phone'])
    .where('customer_id', '=', input.customerId)
    .executeTakeFirst()
  if (!customer)
    throw new ResponseError('not_found', `no customer ${input.customerId}`, 'customer_id')
  const contact = input.contactId ? await storedContact(ctx, input.contactId) : null
  const key = contact ? representativeKeyOf(contact) : `customer:${input.customerId}`
  const open = await openTaskFor(ctx.db, input.customerId, key)
  if (open) return { task: open, created: false }
  const recipient = input.channel === 'sms' ? customer.phone : input.customerId
  if (!recipient)
    throw new ResponseError('validation', 'the customer has no registered phone for SMS', 'channel')
  const now = ctx.clock.now().toISOString()
  const task: VerificationTask = {
    task_id: `vt_${randomUUID()}`,
    customer_id: input.customerId,
    contact_id: input.contactId ?? null,
    call_id: input.callId ?? null,
    representative_id: input.representativeId ?? null,
    representative_key: key,
    representative_label: representativeLabelOf(key),
    channel: input.channel,
    status: input.channel === 'callback' ? 'open' : 'awaiting_reply',
    outcome: null,
    outcome_note: null,
    attempts: 0,
    assigned_to: null,
    created_by: input.actor,
    created_at: now,
    updated_at: now,
    completed_by: null,
    completed_at: null,
  }
  await ctx.db.transaction().execute(async (tx) => {
    await insertTask(tx, task)
    if (input.channel !== 'callback')
      await enqueueMessage(tx, {
        message_id: `om_${randomUUID()}`,
        task_id: task.task_id,
        channel: input.channel,
        customer_id: input.customerId,
        recipient,
        body: verificationQuestion(task.representative_label)['zh-CN'],
        status: 'pending',
        attempts: 0,
        adapter: null,
        external_id: null,
        last_error: null,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
        delivered_at: null,
      })
  })
  if (input.channel !== 'callback') deps.onQueued?.()
  return { task, created: true }
}

export type MessagePreview = {
  representative: string | null
  has_registered_phone: boolean
  message: ReturnType<typeof verificationQuestion>
}

/** The message an SMS or in-app task would send, shown to the agent before they create it. */
export async function previewVerificationMessage(
  ctx: Context,
  input: { customerId: string; contactId?: string },
): Promise<MessagePreview> {
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['customer_id', 'phone'])
    .where('customer_id', '=', input.customerId)
    .executeTakeFirst()
  if (!customer)
    throw new ResponseError('not_found', `no customer ${input.customerId}`, 'customer_id')
  const contact = input.contactId ? await storedContact(ctx, input.contactId) : null
  const label = contact ? representativeLabelOf(representativeKeyOf(contact)) : null
  return {
    representative: label,
    has_registered_phone: Boolean(customer.phone),
    message: verificationQuestion(label),
  }
}

const OUTCOME_ZH: Record<VerificationOutcome, string> = {
  confirmed: '客户本人确认授权',
  denied: '客户本人否认授权',
  unreachable: '未能联系到客户',
  refused: '客户拒绝核实',
}

export async function recordVerificationOutcome(
  deps: VerificationDeps,
  taskId: string,
  input: { outcome: VerificationOutcome; note?: string; actor: string },
): Promise<{ task: VerificationTask; changes: AssessmentChange[] }> {
  const { ctx } = deps
  const task = await loadTask(ctx.db, taskId)
  if (!task) throw new ResponseError('not_found', `no verification task ${taskId}`)
  if (task.status === 'completed' || task.status === 'cancelled')
    throw new ResponseError(
      'conflict',
      `task ${taskId} is already ${task.status} (${task.outcome ?? '-'})`,
    )
  const now = ctx.clock.now().toISOString()
  const attempts = task.attempts + 1
  // Unreachable is worth another try; the task stays in the queue until the attempts run out.
  const done = input.outcome !== 'unreachable' || attempts >= MAX_UNREACHABLE_ATTEMPTS
  const set = {
    outcome: done || input.outcome !== 'unreachable' ? input.outcome : null,
    outcome_note: input.note ?? null,
    attempts,
    status: done ? ('completed' as const) : task.status,
    updated_at: now,
    completed_by: done ? input.actor : null,
    completed_at: done ? now : null,
  }
  await updateTask(ctx.db, taskId, set)
  const updated = { ...task, ...set }
  if (!done || input.outcome === 'unreachable') return { task: updated, changes: [] }
  const changes = await deps.reassess.apply(
    {
      kind: 'verification_outcome',
      ref: taskId,
      text: `${OUTCOME_ZH[input.outcome]}（核实任务 ${taskId}）/ verification ${input.outcome}`,
      actor: input.actor,
    },
    (f) =>
      f.setOutcome(task.customer_id, task.representative_key, {
        outcome: input.outcome,
        taskId,
        at: now,
      }),
    { customerId: task.customer_id, contactIds: task.contact_id ? [task.contact_id] : [] },
  )
  return { task: updated, changes }
}
