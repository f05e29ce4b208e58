// Call runs and their answers: every SQL statement of the aggregate and the row <-> domain mapping.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store/schema.js'
import type { CallAnswer, CallRun, CallStatus, EndReason } from './call-run.js'
import type { CallOutcome } from './script-definition.js'
import type { AnswerValue } from './script-engine.js'

type Db = Kysely<Database> | Transaction<Database>

export async function insertCallRun(db: Db, run: CallRun): Promise<void> {
  const { answers, ...row } = run
  void answers // stored row by row in call_answers
  await db.insertInto('call_runs').values(row).execute()
}

export async function loadCallRun(db: Db, callId: string): Promise<CallRun | null> {
  const row = await db
    .selectFrom('call_runs')
    .selectAll()
    .where('call_id', '=', callId)
    .executeTakeFirst()
  if (!row) return null
  const answers = await db
    .selectFrom('call_answers')
    .selectAll()
    .where('call_id', '=', callId)
    .where('superseded', '=', 0)
    .orderBy('seq')
    .execute()
  return {
    ...row,
    status: row.status as CallStatus,
    outcome: row.outcome as CallOutcome | null,
    end_reason: row.end_reason as EndReason | null,
    answers: answers.map(toAnswer),
  }
}

function toAnswer(r: Database['call_answers']): CallAnswer {
  return {
    seq: r.seq,
    step_id: r.step_id,
    value: r.value === null ? null : (JSON.parse(r.value) as AnswerValue),
    signal: r.signal,
    answered_by: r.answered_by,
    answered_at: r.answered_at,
  }
}

export async function nextAnswerSeq(db: Db, callId: string): Promise<number> {
  const r = await db
    .selectFrom('call_answers')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('call_id', '=', callId)
    .executeTakeFirst()
  return Number(r?.seq ?? 0) + 1
}

export async function insertAnswer(db: Db, callId: string, a: CallAnswer): Promise<void> {
  await db
    .insertInto('call_answers')
    .values({
      call_id: callId,
      seq: a.seq,
      step_id: a.step_id,
      value: a.value === null ? null : JSON.stringify(a.value),
      signal: a.signal,
      superseded: 0,
      answered_by: a.answered_by,
      answered_at: a.answered_at,
    })
    .execute()
}

export async function supersedeAnswer(db: Db, callId: string, seq: number): Promise<void> {
  await db
    .updateTable('call_answers')
    .set({ superseded: 1 })
    .where('call_id', '=', callId)
    .where('seq', '=', seq)
    .execute()
}

/** Moves the run on; `expectStep` makes two tabs answering one call a conflict, not a fork. */
export async function advanceCallRun(
  db: Db,
  callId: string,
  expectStep: string | null,
  set: Partial<Pick<CallRun, 'status' | 'current_step' | 'outcome' | 'end_reason' | 'ended_at'>> & {
    updated_at: string
  },
): Promise<boolean> {
  const r = await db
    .updateTable('call_runs')
    .set(set)
    .where('call_id', '=', callId)
    .where('current_step', expectStep === null ? 'is' : '=', expectStep)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function openCallsOf(db: Db, agent: string, limit: number): Promise<CallRun[]> {
  const rows = await db
    .selectFrom('call_runs')
    .select('call_id')
    .where('started_by', '=', agent)
    .where('status', '=', 'in_progress')
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute()
  const out: CallRun[] = []
  for (const r of rows) {
    const run = await loadCallRun(db, r.call_id)
    if (run) out.push(run)
  }
  return out
}
