// Hands due outbox messages to the adapter and writes down exactly what happened: delivered or sent
// as the adapter reported, otherwise the error, retried with a growing delay, failed for good after
// MAX_ATTEMPTS. A claim is a lease: a message left `sending` by a dispatcher that stopped goes back
// to pending when the lease runs out. A message is never marked delivered on hope.
import type { Context } from '../context.js'
import type { OutboxAdapter, OutboxMessage } from './outbox-message.js'
import {
  claimDue,
  loadMessage,
  requeueExpiredLeases,
  settleClaim,
  updateMessage,
} from './outbox.repository.js'

export const MAX_ATTEMPTS = 5
const FIRST_RETRY_MS = 30_000
/** Longer than any adapter takes to answer (the webhook gives up after 10 s). */
export const DEFAULT_LEASE_MS = 120_000

export type DispatchResult = {
  delivered: number
  sent: number
  retrying: number
  failed: number
  /** Stuck `sending` past their lease: back to pending (or failed, at the last attempt). */
  requeued: number
  /** Attempts that answered after their lease ran out: their result is not written. */
  lease_lost: number
}

export type DispatchOptions = { limit?: number; leaseMs?: number }

export async function dispatchDue(
  ctx: Context,
  adapter: OutboxAdapter,
  opts: DispatchOptions = {},
): Promise<DispatchResult> {
  const now = ctx.clock.now().toISOString()
  const expired = await requeueExpiredLeases(ctx.db, now, MAX_ATTEMPTS)
  const result: DispatchResult = {
    delivered: 0,
    sent: 0,
    retrying: 0,
    failed: expired.failed,
    requeued: expired.requeued,
    lease_lost: 0,
  }
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS
  const claimed = await claimDue(ctx.db, now, opts.limit ?? 50, leaseMs)
  for (const m of claimed) result[await dispatchOne(ctx, adapter, m)]++
  return result
}

async function dispatchOne(
  ctx: Context,
  adapter: OutboxAdapter,
  m: OutboxMessage,
): Promise<keyof DispatchResult> {
  try {
    const report = await adapter.deliver(m, ctx)
    const now = ctx.clock.now().toISOString()
    const held = await settleClaim(ctx.db, m, {
      status: report.status,
      adapter: adapter.name,
      external_id: report.external_id,
      last_error: null,
      updated_at: now,
      delivered_at: report.status === 'delivered' ? now : null,
    })
    return held ? report.status : 'lease_lost'
  } catch (e) {
    const now = ctx.clock.now()
    const final = m.attempts >= MAX_ATTEMPTS
    const delay = FIRST_RETRY_MS * 2 ** (m.attempts - 1)
    const held = await settleClaim(ctx.db, m, {
      status: final ? 'failed' : 'retrying',
      adapter: adapter.name,
      last_error: (e instanceof Error ? e.message : String(e)).slice(0, 500),
      next_attempt_at: new Date(now.getTime() + delay).toISOString(),
      updated_at: now.toISOString(),
    })
    if (!held) return 'lease_lost'
    return final ? 'failed' : 'retrying'
  }
}

export const receiptStatuses = ['delivered', 'failed'] as const
export type ReceiptStatus = (typeof receiptStatuses)[number]

/** A gateway's delivery receipt for a message it accepted (`sent`); anything else is a conflict. */
export async function recordReceipt(
  ctx: Context,
  messageId: string,
  receipt: { status: ReceiptStatus; error?: string },
): Promise<OutboxMessage | null> {
  const m = await loadMessage(ctx.db, messageId)
  if (!m) return null
  if (m.status !== 'sent' && m.status !== receipt.status) return { ...m }
  const now = ctx.clock.now().toISOString()
  await updateMessage(ctx.db, messageId, {
    status: receipt.status,
    last_error:
      receipt.status === 'failed' ? (receipt.error ?? 'the gateway reported a failure') : null,
    delivered_at: receipt.status === 'delivered' ? now : null,
    updated_at: now,
  })
  return loadMessage(ctx.db, messageId)
}
