// The case list: filtered on the server, newest change first, with each case's member counts.
import type { Context } from '../context.js'
import type { Case } from './case.js'
import { caseFromRow } from './case.repository.js'
import type { CaseState } from './case-state.js'

export type CaseFilter = {
  state?: CaseState[]
  assignee?: string
  severity?: string
  joint?: boolean
  gangId?: string
  contactId?: string
  limit?: number
}

export type CaseListItem = Case & { contacts: number; customers: number; evidence: number }

export async function listCases(ctx: Context, f: CaseFilter): Promise<CaseListItem[]> {
  let q = ctx.db.selectFrom('cases').selectAll()
  if (f.state?.length) q = q.where('state', 'in', f.state)
  if (f.assignee) q = q.where('assignee', '=', f.assignee)
  if (f.severity) q = q.where('severity', '=', f.severity)
  if (f.joint !== undefined) q = q.where('joint', '=', f.joint ? 1 : 0)
  if (f.gangId) q = q.where('gang_id', '=', f.gangId)
  if (f.contactId) {
    const contactId = f.contactId
    q = q.where('case_id', 'in', (eb) =>
      eb
        .selectFrom('case_members')
        .select('case_id')
        .where('member_kind', '=', 'contact')
        .where('member_id', '=', contactId),
    )
  }
  const rows = await q
    .orderBy('updated_at', 'desc')
    .orderBy('case_id')
    .limit(f.limit ?? 200)
    .execute()
  const counts = await memberCounts(
    ctx,
    rows.map((r) => r.case_id),
  )
  return rows.map((r) => ({ ...caseFromRow(r), ...(counts.get(r.case_id) ?? zero()) }))
}

const zero = () => ({ contacts: 0, customers: 0, evidence: 0 })

async function memberCounts(ctx: Context, ids: string[]) {
  const out = new Map<string, { contacts: number; customers: number; evidence: number }>()
  if (!ids.length) return out
  const [members, evidence] = await Promise.all([
    ctx.db
      .selectFrom('case_members')
      .select(['case_id', 'member_kind', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('case_id', 'in', ids)
      .groupBy(['case_id', 'member_kind'])
      .execute(),
    ctx.db
      .selectFrom('evidence_items')
      .select(['case_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('case_id', 'in', ids)
      .groupBy('case_id')
      .execute(),
  ])
  for (const m of members) {
    const c = out.get(m.case_id) ?? zero()
    if (m.member_kind === 'contact') c.contacts = Number(m.n)
    if (m.member_kind === 'customer') c.customers = Number(m.n)
    out.set(m.case_id, c)
  }
  for (const e of evidence)
    out.set(e.case_id, { ...(out.get(e.case_id) ?? zero()), evidence: Number(e.n) })
  return out
}
