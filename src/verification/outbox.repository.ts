// The outbox table: what the SMS / push integration consumes, with delivery status written back.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store/schema.js'
import type { OutboxChannel, OutboxMessage, OutboxStatus } from './outbox-message.js'

type Db = Kysely<Database> | Transaction<Database>

function toMessage(r: Database['outbox_messages']): OutboxMessage {
  return { ...r, channel: r.channel as OutboxChannel, status: r.status as OutboxStatus }
}

export async function enqueueMessage(db: Db, m: OutboxMessage): Promise<void> {
  await db.insertInto('outbox_messages').values(m).execute()
}

export async function loadMessage(db: Db, id: string): Promise<OutboxMessage | null> {
  const r = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('message_id', '=', id)
    .executeTakeFirst()
  return r ? toMessage(r) : null
}

/**
 * Claims due messages for one dispatcher: each is moved to `sending` only if still in the state it
 * was read in, so two dispatchers never send one message twice.
 */
export async function claimDue(db: Db, now: string, limit: number): Promise<OutboxMessage[]> {
  const due = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('status', 'in', ['pending', 'retrying'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute()
  const claimed: OutboxMessage[] = []
  for (const r of due) {
    const res = await db
      .updateTable('outbox_messages')
      .set({ status: 'sending', attempts: r.attempts + 1, updated_at: now })
      .where('message_id', '=', r.message_id)
      .where('status', '=', r.status)
      .where('attempts', '=', r.attempts)
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) === 1)
      claimed.push({ ...toMessage(r), status: 'sending', attempts: r.attempts + 1 })
  }
  return claimed
}

export async function updateMessage(
  db: Db,
  id: string,
  set: Partial<OutboxMessage> & { updated_at: string },
): Promise<void> {
  await db.updateTable('outbox_messages').set(set).where('message_id', '=', id).execute()
}

export async function listMessages(
  db: Db,
  f: { status?: OutboxStatus[]; task_id?: string; limit: number },
): Promise<OutboxMessage[]> {
  let q = db.selectFrom('outbox_messages').selectAll()
  if (f.status?.length) q = q.where('status', 'in', f.status)
  if (f.task_id) q = q.where('task_id', '=', f.task_id)
  const rows = await q.orderBy('created_at', 'desc').orderBy('message_id').limit(f.limit).execute()
  return rows.map(toMessage)
}
