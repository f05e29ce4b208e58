import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from '../context.js'
import { LocalInboxAdapter } from './local-inbox-adapter.js'
import type { OutboxMessage } from './outbox-message.js'

const at = (iso: string): { clock: Clock } => ({ clock: { now: () => new Date(iso) } })

function message(id: string, channel: OutboxMessage['channel']): OutboxMessage {
  return {
    message_id: id,
    task_id: null,
    channel,
    customer_id: 'C-1',
    recipient: channel === 'sms' ? '13800000000' : 'C-1',
    body: '您好',
    status: 'sending',
    attempts: 1,
    adapter: null,
    external_id: null,
    last_error: null,
    next_attempt_at: '2020-01-01T00:00:00.000Z',
    created_at: '2020-01-01T00:00:00.000Z',
    updated_at: '2020-01-01T00:00:00.000Z',
    delivered_at: null,
  }
}

describe('LocalInboxAdapter', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it("stamps each delivery with the context's clock, not the machine's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grayline-inbox-'))
    dirs.push(dir)
    const inbox = new LocalInboxAdapter(dir)
    await inbox.deliver(message('m1', 'sms'), at('2020-03-04T05:06:07.000Z'))
    await inbox.deliver(message('m2', 'in_app'), at('2020-03-04T05:06:08.000Z'))

    const written = JSON.parse(readFileSync(join(dir, 'sms.jsonl'), 'utf8').trim())
    expect(written).toMatchObject({ message_id: 'm1', delivered_at: '2020-03-04T05:06:07.000Z' })
    expect((await inbox.read()).map((e) => [e.message_id, e.delivered_at])).toEqual([
      ['m2', '2020-03-04T05:06:08.000Z'],
      ['m1', '2020-03-04T05:06:07.000Z'],
    ])
  })
})
