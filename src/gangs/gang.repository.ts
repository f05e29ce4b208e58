// Every SQL statement of the gangs, and the one place rows become domain types. A recomputation
// replaces the members and edges whole and upserts the gangs, in one transaction.
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../store/schema.js'
import type { GangSummary } from './gang-summary.js'
import type { GangEdgeTable, GangTable } from './gang.table.js'
import type { PreviousGang } from './stable-ids.js'
import type { GangSort } from './gang-vocabulary.js'

export type Db = Kysely<Database> | Transaction<Database>

export type Gang = Omit<GangTable, 'summary' | 'severity_rank'> & { summary: GangSummary }
export type GangMember = { node: string; kind: string }
export type GangEdge = Omit<GangEdgeTable, 'strong' | 'contacts'> & {
  strong: boolean
  contacts: string[]
}

export type GangRun = {
  runId: string
  computedAt: string
  gangs: Gang[]
  members: (GangMember & { gang_id: string })[]
  edges: GangEdge[]
  merged: { gangId: string; into: string }[]
  dissolved: string[]
  stats: { nodes: number; edges: number; created: number; ms: number }
}

const CHUNK = 500

export function gangFromRow(r: Selectable<GangTable>): Gang {
  return {
    gang_id: r.gang_id,
    status: r.status,
    merged_into: r.merged_into,
    customers: r.customers,
    contacts: r.contacts,
    nodes: r.nodes,
    severity: r.severity,
    growth: r.growth,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
    summary: JSON.parse(r.summary) as GangSummary,
    created_at: r.created_at,
    computed_at: r.computed_at,
  }
}

function edgeFromRow(r: Selectable<GangEdgeTable>): GangEdge {
  return { ...r, strong: r.strong === 1, contacts: JSON.parse(r.contacts) as string[] }
}

/** The active gangs and the people in them: what the next recomputation matches against. */
export async function previousGangs(db: Db): Promise<PreviousGang[]> {
  const rows = await db
    .selectFrom('gang_members')
    .innerJoin('gangs', 'gangs.gang_id', 'gang_members.gang_id')
    .select(['gang_members.gang_id', 'gang_members.node'])
    .where('gangs.status', '=', 'active')
    .where('gang_members.kind', 'in', ['customer', 'contact'])
    .orderBy('gang_members.gang_id')
    .execute()
  const byGang = new Map<string, string[]>()
  for (const r of rows) byGang.set(r.gang_id, [...(byGang.get(r.gang_id) ?? []), r.node])
  return [...byGang].map(([gangId, persons]) => ({ gangId, persons }))
}

export async function knownGangIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('gangs').select('gang_id').execute()
  return new Set(rows.map((r) => r.gang_id))
}

export async function saveGangRun(db: Kysely<Database>, run: GangRun): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('gang_members').execute()
    await trx.deleteFrom('gang_edges').execute()
    for (const g of run.gangs) await upsertGang(trx, g)
    for (const m of run.merged) await retire(trx, m.gangId, 'merged', m.into, run.computedAt)
    for (const id of run.dissolved) await retire(trx, id, 'dissolved', null, run.computedAt)
    for (let i = 0; i < run.members.length; i += CHUNK)
      await trx
        .insertInto('gang_members')
        .values(run.members.slice(i, i + CHUNK))
        .execute()
    const edges = run.edges.map((e) => ({
      ...e,
      strong: e.strong ? 1 : 0,
      contacts: JSON.stringify(e.contacts),
    }))
    for (let i = 0; i < edges.length; i += CHUNK)
      await trx
        .insertInto('gang_edges')
        .values(edges.slice(i, i + CHUNK))
        .execute()
    await trx
      .insertInto('gang_runs')
      .values({
        run_id: run.runId,
        computed_at: run.computedAt,
        nodes: run.stats.nodes,
        edges: run.stats.edges,
        gangs: run.gangs.length,
        created: run.stats.created,
        merged: run.merged.length,
        dissolved: run.dissolved.length,
        ms: run.stats.ms,
      })
      .execute()
  })
}

async function upsertGang(trx: Transaction<Database>, g: Gang): Promise<void> {
  const row: GangTable = {
    ...g,
    summary: JSON.stringify(g.summary),
    severity_rank: g.severity === 'level1' ? 2 : 1,
  }
  // created_at stays as first recorded: an upsert changes everything else.
  const changes: Partial<GangTable> = { ...row }
  delete changes.gang_id
  delete changes.created_at
  await trx
    .insertInto('gangs')
    .values(row)
    .onConflict((oc) => oc.column('gang_id').doUpdateSet(changes))
    .execute()
}

async function retire(
  trx: Transaction<Database>,
  gangId: string,
  status: 'merged' | 'dissolved',
  into: string | null,
  at: string,
): Promise<void> {
  await trx
    .updateTable('gangs')
    .set({ status, merged_into: into, computed_at: at })
    .where('gang_id', '=', gangId)
    .execute()
}

export { gangSorts } from './gang-vocabulary.js'
export type { GangSort } from './gang-vocabulary.js'

export async function listGangs(
  db: Db,
  o: { sort: GangSort; offset: number; limit: number },
): Promise<{ items: Gang[]; total: number }> {
  const base = db.selectFrom('gangs').where('status', '=', 'active')
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  let q = base.selectAll()
  if (o.sort === 'severity') q = q.orderBy('severity_rank', 'desc')
  if (o.sort === 'growth') q = q.orderBy('growth', 'desc')
  if (o.sort === 'recent') q = q.orderBy('last_seen', 'desc')
  const rows = await q
    .orderBy('customers', 'desc')
    .orderBy('gang_id')
    .offset(o.offset)
    .limit(o.limit)
    .execute()
  return { items: rows.map(gangFromRow), total: Number(total?.n ?? 0) }
}

export async function findGang(db: Db, gangId: string): Promise<Gang | null> {
  const r = await db
    .selectFrom('gangs')
    .selectAll()
    .where('gang_id', '=', gangId)
    .executeTakeFirst()
  return r ? gangFromRow(r) : null
}

export async function membersOfGang(db: Db, gangId: string): Promise<GangMember[]> {
  return db
    .selectFrom('gang_members')
    .select(['node', 'kind'])
    .where('gang_id', '=', gangId)
    .orderBy('node')
    .execute()
}

/** The gang's own edges: both ends are its members. */
export async function edgesOfGang(db: Db, gangId: string): Promise<GangEdge[]> {
  const rows = await db
    .selectFrom('gang_edges')
    .selectAll()
    .where('source_gang', '=', gangId)
    .where('target_gang', '=', gangId)
    .execute()
  return rows.map(edgeFromRow)
}

/** The recorded edges at a node, its own gang's and those reaching beyond it. */
export async function edgesAround(db: Db, node: string, limit: number): Promise<GangEdge[]> {
  const rows = await db
    .selectFrom('gang_edges')
    .selectAll()
    .where((eb) => eb.or([eb('source', '=', node), eb('target', '=', node)]))
    .orderBy('contact_count', 'desc')
    .limit(limit)
    .execute()
  return rows.map(edgeFromRow)
}

export async function gangsOfNodes(db: Db, nodes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (let i = 0; i < nodes.length; i += CHUNK) {
    const rows = await db
      .selectFrom('gang_members')
      .select(['node', 'gang_id'])
      .where('node', 'in', nodes.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) out.set(r.node, r.gang_id)
  }
  return out
}

export async function lastGangRun(db: Db) {
  return db
    .selectFrom('gang_runs')
    .selectAll()
    .orderBy('computed_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}
