// Every SQL statement of the case aggregate, and the one place rows become domain types.
import { SqliteAdapter, sql } from 'kysely'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Severity } from '../contract/index.js'
import type { CaseTable, Database } from '../store/schema.js'
import type { Case, CaseEvent, CaseEventKind, CaseMember, MemberKind, OriginKind } from './case.js'
import type { CaseOutcome, CaseState } from './case-state.js'

export type Db = Kysely<Database> | Transaction<Database>

export function caseFromRow(r: Selectable<CaseTable>): Case {
  return {
    ...r,
    state: r.state as CaseState,
    outcome: r.outcome as CaseOutcome | null,
    severity: r.severity as Severity | null,
    severity_reasons: JSON.parse(r.severity_reasons) as Case['severity_reasons'],
    origin_kind: r.origin_kind as OriginKind,
    joint: r.joint === 1,
    joint_partners: JSON.parse(r.joint_partners) as Case['joint_partners'],
    amounts: JSON.parse(r.amounts) as Case['amounts'],
  }
}

export function caseToRow(c: Case): CaseTable {
  return {
    ...c,
    severity_reasons: JSON.stringify(c.severity_reasons),
    joint: c.joint ? 1 : 0,
    joint_partners: JSON.stringify(c.joint_partners),
    amounts: JSON.stringify(c.amounts),
  }
}

export async function findCase(db: Db, caseId: string): Promise<Case | null> {
  const r = await db
    .selectFrom('cases')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst()
  return r ? caseFromRow(r) : null
}

export async function insertCase(db: Db, c: Case): Promise<void> {
  await db.insertInto('cases').values(caseToRow(c)).execute()
}

export async function saveCase(db: Db, c: Case): Promise<void> {
  const { case_id, ...rest } = caseToRow(c)
  await db.updateTable('cases').set(rest).where('case_id', '=', case_id).execute()
}

/**
 * What the sharing sync learns of a joint case — the partner's reference, title and summary — set
 * alone: a whole case it read earlier written back would undo a handler's change made meanwhile.
 */
export async function setSharedFields(
  db: Db,
  caseId: string,
  f: Partial<Pick<Case, 'title' | 'summary' | 'joint_partners' | 'updated_at'>>,
): Promise<void> {
  const { joint_partners, ...plain } = f
  await db
    .updateTable('cases')
    .set({
      ...plain,
      ...(joint_partners ? { joint_partners: JSON.stringify(joint_partners) } : {}),
    })
    .where('case_id', '=', caseId)
    .execute()
}

export async function openCaseOfGang(db: Db, gangId: string): Promise<string | null> {
  const r = await db
    .selectFrom('cases')
    .select('case_id')
    .where('gang_id', '=', gangId)
    .where('state', '!=', 'closed')
    .orderBy('created_at')
    .executeTakeFirst()
  return r?.case_id ?? null
}

export async function addMembers(
  db: Db,
  caseId: string,
  members: { kind: MemberKind; id: string; via: string }[],
  actor: string,
  at: string,
): Promise<number> {
  const existing = await memberKeys(db, caseId)
  const fresh = dedupe(members).filter((m) => !existing.has(`${m.kind}\u0000${m.id}`))
  for (let i = 0; i < fresh.length; i += 500)
    await db
      .insertInto('case_members')
      .values(
        fresh.slice(i, i + 500).map((m) => ({
          case_id: caseId,
          member_kind: m.kind,
          member_id: m.id,
          via: m.via,
          added_by: actor,
          added_at: at,
        })),
      )
      .execute()
  return fresh.length
}

function dedupe<T extends { kind: string; id: string }>(members: T[]): T[] {
  const seen = new Map<string, T>()
  for (const m of members)
    if (!seen.has(`${m.kind}\u0000${m.id}`)) seen.set(`${m.kind}\u0000${m.id}`, m)
  return [...seen.values()]
}

async function memberKeys(db: Db, caseId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('case_members')
    .select(['member_kind', 'member_id'])
    .where('case_id', '=', caseId)
    .execute()
  return new Set(rows.map((r) => `${r.member_kind}\u0000${r.member_id}`))
}

export async function membersOf(db: Db, caseId: string): Promise<CaseMember[]> {
  const rows = await db
    .selectFrom('case_members')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('member_kind')
    .orderBy('member_id')
    .execute()
  return rows.map((r) => ({
    kind: r.member_kind as MemberKind,
    id: r.member_id,
    via: r.via,
    added_by: r.added_by,
    added_at: r.added_at,
  }))
}

export async function casesWithMember(db: Db, kind: MemberKind, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_members')
    .select('case_id')
    .where('member_kind', '=', kind)
    .where('member_id', '=', id)
    .orderBy('case_id')
    .execute()
  return rows.map((r) => r.case_id)
}

export type NewEvent = {
  kind: CaseEventKind
  actor: string
  at: string
  from_state?: CaseState | null
  to_state?: CaseState | null
  detail?: Record<string, unknown>
}

/** Appends to the case's timeline; the caller's transaction keeps `seq` gap-free. */
/**
 * A case's timeline takes one event at a time. SQLite: the next number is taken in the insert
 * itself, and a statement or transaction holds the file's write lock. PostgreSQL: the case's row is
 * locked first, or two writers (a comment and the sharing sync's partner note) would both take
 * the same number.
 */
export async function appendEvent(db: Db, caseId: string, e: NewEvent): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return insertEvent(db, caseId, e)
  if (db.isTransaction) {
    await lockCase(db, caseId)
    return insertEvent(db, caseId, e)
  }
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId)
    await insertEvent(trx, caseId, e)
  })
}

/** PostgreSQL: the case's row is this transaction's until it ends (SQLite locks the whole file). */
export async function lockCase(db: Db, caseId: string): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return
  await db.selectFrom('cases').select('case_id').where('case_id', '=', caseId).forUpdate().execute()
}

async function insertEvent(db: Db, caseId: string, e: NewEvent): Promise<void> {
  await db
    .insertInto('case_events')
    .columns(['case_id', 'seq', 'at', 'actor', 'kind', 'from_state', 'to_state', 'detail'])
    .expression((eb) =>
      eb
        .selectFrom('case_events')
        .where('case_id', '=', caseId)
        .select([
          eb.val(caseId).as('case_id'),
          sql<number>`coalesce(max(seq), 0) + 1`.as('seq'),
          eb.val(e.at).as('at'),
          eb.val(e.actor).as('actor'),
          eb.val(e.kind).as('kind'),
          eb.val(e.from_state ?? null).as('from_state'),
          eb.val(e.to_state ?? null).as('to_state'),
          eb.val(JSON.stringify(e.detail ?? {})).as('detail'),
        ]),
    )
    .execute()
}

export async function timelineOf(db: Db, caseId: string): Promise<CaseEvent[]> {
  const rows = await db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    kind: r.kind as CaseEventKind,
    from_state: r.from_state as CaseState | null,
    to_state: r.to_state as CaseState | null,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }))
}
