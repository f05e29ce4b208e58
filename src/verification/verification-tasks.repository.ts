// Verification tasks: every SQL statement of the aggregate and the row <-> domain mapping.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store/schema.js'
import type { TaskStatus, VerificationChannel, VerificationTask } from './verification-task.js'
import type { VerificationOutcome } from './verification-task.js'

type Db = Kysely<Database> | Transaction<Database>

export function toTask(r: Database['verification_tasks']): VerificationTask {
  return {
    ...r,
    channel: r.channel as VerificationChannel,
    status: r.status as TaskStatus,
    outcome: r.outcome as VerificationOutcome | null,
  }
}

export async function insertTask(db: Db, t: VerificationTask): Promise<void> {
  await db.insertInto('verification_tasks').values(t).execute()
}

export async function loadTask(db: Db, taskId: string): Promise<VerificationTask | null> {
  const r = await db
    .selectFrom('verification_tasks')
    .selectAll()
    .where('task_id', '=', taskId)
    .executeTakeFirst()
  return r ? toTask(r) : null
}

/** An unfinished task asking the same customer about the same representative: asked once, not twice. */
export async function openTaskFor(
  db: Db,
  customerId: string,
  representativeKey: string,
): Promise<VerificationTask | null> {
  const r = await db
    .selectFrom('verification_tasks')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('representative_key', '=', representativeKey)
    .where('status', 'in', ['open', 'awaiting_reply'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return r ? toTask(r) : null
}

export async function updateTask(
  db: Db,
  taskId: string,
  set: Partial<VerificationTask> & { updated_at: string },
): Promise<void> {
  await db.updateTable('verification_tasks').set(set).where('task_id', '=', taskId).execute()
}

export type TaskFilter = {
  status?: TaskStatus[]
  channel?: VerificationChannel[]
  customer_id?: string
  contact_id?: string
  limit: number
}

export async function listTasks(db: Db, f: TaskFilter): Promise<VerificationTask[]> {
  let q = db.selectFrom('verification_tasks').selectAll()
  if (f.status?.length) q = q.where('status', 'in', f.status)
  if (f.channel?.length) q = q.where('channel', 'in', f.channel)
  if (f.customer_id) q = q.where('customer_id', '=', f.customer_id)
  if (f.contact_id) q = q.where('contact_id', '=', f.contact_id)
  const rows = await q.orderBy('created_at', 'desc').orderBy('task_id').limit(f.limit).execute()
  return rows.map(toTask)
}
