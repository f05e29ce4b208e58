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
 * was read in, so two dispatchers never send one message twice. A claim is a lease: while
 * `sending`, `next_attempt_at` is when the lease runs out and the message may be tried again.
 */
export async function claimDue(
  db: Db,
  now: string,
  limit: number,
  leaseMs: number,
): Promise<OutboxMessage[]> {
  const due = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('status', 'in', ['pending', 'retrying'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute()
  const leaseEnds = new Date(Date.parse(now) + leaseMs).toISOString()
  const claimed: OutboxMessage[] = []
  for (const r of due) {
    const set = { status: 'sending', attempts: r.attempts + 1, next_attempt_at: leaseEnds }
    const res = await db
      .updateTable('outbox_messages')
      .set({ ...set, updated_at: now })
      .where('message_id', '=', r.message_id)
      .where('status', '=', r.status)
      .where('attempts', '=', r.attempts)
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) === 1)
      claimed.push({ ...toMessage(r), ...set, status: 'sending', updated_at: now })
  }
  return claimed
}

/**
 * Messages whose dispatcher stopped (a crash, a restart) before the adapter answered: once the
 * lease ran out they go back to `pending`, the lost attempt counted — or `failed` when it was the
 * last. Whether the lost attempt reached the customer is unknown, so it is never called delivered.
 */
export async function requeueExpiredLeases(
  db: Db,
  now: string,
  maxAttempts: number,
): Promise<{ requeued: number; failed: number }> {
  const stuck = await db
    .selectFrom('outbox_messages')
    .select(['message_id', 'attempts'])
    .where('status', '=', 'sending')
    .where('next_attempt_at', '<=', now)
    .execute()
  const out = { requeued: 0, failed: 0 }
  for (const r of stuck) {
    const final = r.attempts >= maxAttempts
    const res = await db
      .updateTable('outbox_messages')
      .set({
        status: final ? 'failed' : 'pending',
        last_error: `attempt ${r.attempts} did not finish: the dispatcher stopped before the adapter answered`,
        next_attempt_at: now,
        updated_at: now,
      })
      .where('message_id', '=', r.message_id)
      .where('status', '=', 'sending')
      .where('attempts', '=', r.attempts)
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) === 1) out[final ? 'failed' : 'requeued']++
  }
  return out
}

/**
 * Writes what one claimed attempt came to, only while the claim still holds: a dispatcher that
 * answers after its lease ran out (and the message was requeued) must not overwrite the newer state.
 */
export async function settleClaim(
  db: Db,
  claimed: Pick<OutboxMessage, 'message_id' | 'attempts'>,
  set: Partial<OutboxMessage> & { updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('outbox_messages')
    .set(set)
    .where('message_id', '=', claimed.message_id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claimed.attempts)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
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

/** The newest message of each task: what the queue shows as the task's delivery status. */
export async function latestMessageOfTasks(
  db: Db,
  taskIds: string[],
): Promise<Map<string, OutboxMessage>> {
  if (!taskIds.length) return new Map()
  const rows = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('task_id', 'in', taskIds)
    .orderBy('created_at')
    .execute()
  return new Map(rows.map((r) => [r.task_id ?? '', toMessage(r)]))
}
