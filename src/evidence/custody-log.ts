// The chain of custody: who added, viewed and exported each evidence item. Every line carries the
// hash of the line before it, and the head row the last line's hash, so that an edited, removed or
// cut-off line breaks the chain where it happened.
import { createHash } from 'node:crypto'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { CustodyLogTable, Database } from '../store/schema.js'

export const custodyActions = ['added', 'viewed', 'exported'] as const
export type CustodyAction = (typeof custodyActions)[number]

export type CustodyEntry = {
  action: CustodyAction
  actor: string
  at: string
  evidence_id: string
  case_id: string
  sha256: string
  detail?: Record<string, unknown>
}

export type CustodyLine = Selectable<CustodyLogTable>

type Db = Kysely<Database> | Transaction<Database>

export const GENESIS_HASH = '0'.repeat(64)

export function lineHash(l: Omit<CustodyLine, 'hash'>): string {
  const fields = [l.seq, l.at, l.actor, l.action, l.evidence_id, l.case_id, l.sha256, l.detail]
  return createHash('sha256')
    .update(JSON.stringify([...fields, l.prev_hash]))
    .digest('hex')
}

/** Appends lines in the caller's transaction, after locking the head so appends line up. */
export async function appendCustody(trx: Transaction<Database>, entries: CustodyEntry[]) {
  if (!entries.length) return
  // An UPDATE takes the head row's lock on PostgreSQL (SQLite has one writer anyway): concurrent
  // appends wait here instead of forking the chain.
  await trx
    .updateTable('custody_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 1)
    .execute()
  const head = await trx
    .selectFrom('custody_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  let seq = Number(head.seq)
  let prev = head.hash
  const lines: CustodyLine[] = entries.map((e) => {
    seq++
    const line = {
      seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      evidence_id: e.evidence_id,
      case_id: e.case_id,
      sha256: e.sha256,
      detail: JSON.stringify(e.detail ?? {}),
      prev_hash: prev,
    }
    prev = lineHash(line)
    return { ...line, hash: prev }
  })
  for (let i = 0; i < lines.length; i += 500)
    await trx
      .insertInto('custody_log')
      .values(lines.slice(i, i + 500))
      .execute()
  await trx.updateTable('custody_head').set({ seq, hash: prev }).where('id', '=', 1).execute()
}

export async function custodyOf(db: Db, evidenceIds: string[]): Promise<CustodyLine[]> {
  if (!evidenceIds.length) return []
  return db
    .selectFrom('custody_log')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .orderBy('seq')
    .execute()
}

export type ChainProblem = { seq: number | null; evidence_id: string | null; message: string }

const PAGE = 5000

/** Walks the whole chain from its first line; every break is reported with the line it is at. */
export async function verifyChain(db: Db): Promise<{ lines: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = []
  let expectedSeq = 1
  let prev = GENESIS_HASH
  let lines = 0
  for (;;) {
    const page = await db
      .selectFrom('custody_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute()
    for (const l of page) {
      const seq = Number(l.seq)
      checkLine({ ...l, seq }, expectedSeq, prev, problems)
      prev = l.hash
      expectedSeq = seq + 1
      lines++
    }
    if (page.length < PAGE) break
  }
  const head = await db
    .selectFrom('custody_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst()
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prev)
    problems.push({
      seq: expectedSeq - 1,
      evidence_id: null,
      message:
        `the chain ends at line ${expectedSeq - 1} but its head records line ${head?.seq ?? '?'}: ` +
        'lines at the end were deleted, or the head was altered',
    })
  return { lines, problems }
}

function checkLine(l: CustodyLine, expectedSeq: number, prev: string, out: ChainProblem[]): void {
  const at = { seq: l.seq, evidence_id: l.evidence_id }
  if (l.seq > expectedSeq)
    out.push({
      ...at,
      message:
        expectedSeq === l.seq - 1
          ? `line ${expectedSeq} is missing (deleted) before line ${l.seq}`
          : `lines ${expectedSeq}–${l.seq - 1} are missing (deleted) before line ${l.seq}`,
    })
  else if (l.prev_hash !== prev)
    out.push({
      ...at,
      message: `line ${l.seq} does not follow line ${l.seq - 1}: line ${l.seq - 1} was edited or replaced`,
    })
  if (lineHash(l) !== l.hash)
    out.push({
      ...at,
      message: `line ${l.seq} (${l.action} of ${l.evidence_id}) was edited: its content no longer matches its hash`,
    })
}
