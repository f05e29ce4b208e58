// Which adapter the outbox uses, from the environment: GRAYLINE_OUTBOX=local (default, the inbox
// directory GRAYLINE_OUTBOX_DIR) or webhook (GRAYLINE_OUTBOX_WEBHOOK_URL, GRAYLINE_OUTBOX_WEBHOOK_SECRET).
import { LocalInboxAdapter } from './local-inbox-adapter.js'
import type { OutboxAdapter } from './outbox-message.js'
import { WebhookAdapter } from './webhook-adapter.js'

export type ConfiguredAdapter = { adapter: OutboxAdapter; local: LocalInboxAdapter | null }

export function outboxAdapterFromEnv(
  env: NodeJS.ProcessEnv,
  defaultDir: string,
): ConfiguredAdapter {
  const kind = env.GRAYLINE_OUTBOX ?? 'local'
  if (kind === 'local') {
    const local = new LocalInboxAdapter(env.GRAYLINE_OUTBOX_DIR ?? defaultDir)
    return { adapter: local, local }
  }
  if (kind !== 'webhook') throw new Error(`GRAYLINE_OUTBOX must be local or webhook, not '${kind}'`)
  const url = env.GRAYLINE_OUTBOX_WEBHOOK_URL
  const secret = env.GRAYLINE_OUTBOX_WEBHOOK_SECRET
  if (!url || !secret)
    throw new Error(
      'GRAYLINE_OUTBOX=webhook needs GRAYLINE_OUTBOX_WEBHOOK_URL and GRAYLINE_OUTBOX_WEBHOOK_SECRET',
    )
  return { adapter: new WebhookAdapter({ url, secret }), local: null }
}
