// A message waiting in, or gone through, the outbox. Statuses never claim more than happened:
// `sent` means a gateway accepted it, `delivered` needs a delivery receipt (or the local inbox write).
import type { Context } from '../context.js'

export const outboxChannels = ['sms', 'in_app'] as const
export type OutboxChannel = (typeof outboxChannels)[number]

export const outboxStatuses = [
  'pending',
  'sending',
  'sent',
  'delivered',
  'retrying',
  'failed',
] as const
export type OutboxStatus = (typeof outboxStatuses)[number]

export type OutboxMessage = {
  message_id: string
  task_id: string | null
  channel: OutboxChannel
  customer_id: string
  /** The registered phone (sms) or the customer id (in-app): personal data, masked in every view. */
  recipient: string
  body: string
  status: OutboxStatus
  attempts: number
  adapter: string | null
  external_id: string | null
  last_error: string | null
  next_attempt_at: string
  created_at: string
  updated_at: string
  delivered_at: string | null
}

/** What an adapter reports back for one message it handled without an error. */
export type DeliveryReport =
  { status: 'delivered'; external_id: string } | { status: 'sent'; external_id: string | null }

/**
 * How the outbox reaches customers. `deliver` resolves only when the message was handed over, and
 * throws on anything else — the dispatcher records the error and retries, never assumes success.
 * It gets the dispatcher's context: a time it writes down comes from that context's clock.
 */
export interface OutboxAdapter {
  readonly name: string
  deliver(message: OutboxMessage, ctx: Context): Promise<DeliveryReport>
}
