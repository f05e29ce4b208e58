// The HTTP webhook adapter for an SMS or push gateway: POSTs each message as JSON, signed with
// HMAC-SHA256 of the body (`X-Grayline-Signature: sha256=<hex>`). A 2xx means the gateway accepted
// it — `sent`, not delivered; the gateway reports delivery later to
// POST /api/verification/outbox/:id/receipt. Anything but 2xx, or no answer in time, is a failure.
import { createHmac } from 'node:crypto'
import type { DeliveryReport, OutboxAdapter, OutboxMessage } from './outbox-message.js'

export type WebhookOptions = { url: string; secret: string; timeoutMs?: number }

export class WebhookAdapter implements OutboxAdapter {
  readonly name = 'webhook'

  constructor(private readonly o: WebhookOptions) {}

  async deliver(m: OutboxMessage): Promise<DeliveryReport> {
    const body = JSON.stringify({
      message_id: m.message_id,
      channel: m.channel,
      recipient: m.recipient,
      customer_id: m.customer_id,
      body: m.body,
      created_at: m.created_at,
    })
    const signature = createHmac('sha256', this.o.secret).update(body).digest('hex')
    const res = await fetch(this.o.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-grayline-signature': `sha256=${signature}`,
        'idempotency-key': m.message_id,
      },
      body,
      signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
    })
    if (!res.ok) throw new Error(`the gateway answered ${res.status} ${res.statusText}`.trim())
    const answer = (await res.json().catch(() => ({}))) as { id?: unknown }
    return { status: 'sent', external_id: typeof answer.id === 'string' ? answer.id : null }
  }
}
