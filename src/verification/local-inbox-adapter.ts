// The working local adapter: delivers into an inbox directory, one JSONL file per channel
// (sms.jsonl, in_app.jsonl), that a person or a test can read — and that the console shows.
// A write that fails is a failed delivery, reported as such.
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Context } from '../context.js'
import type { DeliveryReport, OutboxAdapter, OutboxMessage } from './outbox-message.js'

export type LocalInboxEntry = {
  message_id: string
  channel: string
  customer_id: string
  recipient: string
  body: string
  delivered_at: string
}

export class LocalInboxAdapter implements OutboxAdapter {
  readonly name = 'local'

  constructor(readonly dir: string) {}

  /** delivered_at is the context's time, as the outbox records it for the same delivery. */
  async deliver(m: OutboxMessage, ctx: Pick<Context, 'clock'>): Promise<DeliveryReport> {
    await mkdir(this.dir, { recursive: true })
    const entry: LocalInboxEntry = {
      message_id: m.message_id,
      channel: m.channel,
      customer_id: m.customer_id,
      recipient: m.recipient,
      body: m.body,
      delivered_at: ctx.clock.now().toISOString(),
    }
    await appendFile(join(this.dir, `${m.channel}.jsonl`), `${JSON.stringify(entry)}\n`, 'utf8')
    return { status: 'delivered', external_id: `local:${m.channel}:${m.message_id}` }
  }

  /** The newest entries first, across channels. */
  async read(limit = 100): Promise<LocalInboxEntry[]> {
    const all: LocalInboxEntry[] = []
    for (const channel of ['sms', 'in_app']) {
      const text = await readFile(join(this.dir, `${channel}.jsonl`), 'utf8').catch(() => '')
      for (const line of text.split('\n'))
        if (line.trim()) all.push(JSON.parse(line) as LocalInboxEntry)
    }
    return all.sort((a, b) => b.delivered_at.localeCompare(a.delivered_at)).slice(0, limit)
  }
}
