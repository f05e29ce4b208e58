// Retention enforced, not hoped for: the purge of callers' embeddings past their retention runs on
// a schedule in the server (and by `grayline voice purge`), and a customer's voiceprint is deleted
// on request. Every purge and deletion is audited, with counts and never a voiceprint.
import type { AuditEvent } from '../../audit/audit-event.js'
import type { Context } from '../../context.js'
import { deleteCustomerVoice, purgeExpiredCallVoices } from './voice-library.service.js'
import type { CustomerVoiceDeletion } from './voice-library.service.js'

export type AuditSink = { record(event: AuditEvent): void }
export type Actor = { name: string; role?: string; ip?: string }

export const DEFAULT_PURGE_EVERY_MINUTES = 60

/** GRAYLINE_VOICE_PURGE_EVERY_MINUTES (60); 0 turns the schedule off (a cron runs the CLI). */
export function purgeEveryMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GRAYLINE_VOICE_PURGE_EVERY_MINUTES
  const minutes = raw === undefined || raw === '' ? DEFAULT_PURGE_EVERY_MINUTES : Number(raw)
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0
}

/**
 * Purges now. A person's run is always audited; the schedule's runs when they deleted something
 * (an hourly "nothing expired" row would bury the ones that matter).
 */
export async function runVoicePurge(
  ctx: Context,
  audit: AuditSink,
  actor: Actor,
  auditEmpty = true,
): Promise<number> {
  const deleted = await purgeExpiredCallVoices(ctx)
  if (deleted === 0 && !auditEmpty) return 0
  audit.record({
    actor: actor.name,
    actor_role: actor.role ?? null,
    action: 'voice.purge',
    target_kind: 'call_voices',
    detail: { deleted, before: ctx.clock.now().toISOString() },
    ip: actor.ip ?? null,
  })
  return deleted
}

export type ForgetRequest = { customerId: string; reason: string; actor: Actor }

export async function forgetCustomerVoice(
  ctx: Context,
  audit: AuditSink,
  request: ForgetRequest,
): Promise<CustomerVoiceDeletion> {
  if (!request.reason.trim())
    throw new RangeError('a voiceprint deletion needs its ground (the customer request)')
  const deleted = await deleteCustomerVoice(ctx, request.customerId)
  audit.record({
    actor: request.actor.name,
    actor_role: request.actor.role ?? null,
    action: 'voice.customer.delete',
    target_kind: 'customer',
    target_id: request.customerId,
    detail: { ...deleted, reason: request.reason },
    ip: request.actor.ip ?? null,
  })
  return deleted
}

export type PurgeSchedule = { stop(): Promise<void> }

const SCHEDULE_ACTOR: Actor = { name: 'system:voice-retention', role: 'system' }

/** Purges at start and then every `everyMs`; a run still going when the next is due is not doubled. */
export function scheduleVoicePurge(ctx: Context, audit: AuditSink, everyMs: number): PurgeSchedule {
  let running: Promise<void> = Promise.resolve()
  let busy = false
  const run = (): void => {
    if (busy) return
    busy = true
    running = runVoicePurge(ctx, audit, SCHEDULE_ACTOR, false)
      .then((n) =>
        n ? ctx.log.info(`voice retention: ${n} expired call embeddings purged`) : undefined,
      )
      .catch((err: unknown) => ctx.log.warn(`voice retention purge failed: ${String(err)}`))
      .finally(() => (busy = false))
  }
  run()
  const timer = setInterval(run, everyMs)
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
