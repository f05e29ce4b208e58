// Selected nodes of a gang into a case, through the cases module: a new case opened by hand, or an
// existing one. The case gets the selected customers and identifiers, and the contacts that are the
// evidence on the gang's edges at those nodes.
import { addCaseMembers, findCase, openCase } from '../cases/index.js'
import type { Context } from '../context.js'
import { CaseError } from '../cases/case-error.js'
import { isPersonKey } from './gang-graph.js'
import { edgesOfGang, findGang } from './gang.repository.js'

export type Selection = { gangId: string; nodes: string[]; caseId?: string; title?: string }
export type SelectionResult = {
  case_id: string
  opened: boolean
  added: { contacts: number; customers: number; identifiers: number }
}

const CHUNK = 500

export async function selectionIntoCase(
  ctx: Context,
  s: Selection,
  actor: string,
): Promise<SelectionResult> {
  const gang = await findGang(ctx.db, s.gangId)
  if (!gang) throw new CaseError('not_found', `no gang ${s.gangId}`, 'gang_id')
  const chosen = new Set(s.nodes)
  const contacts = new Set<string>()
  for (const e of await edgesOfGang(ctx.db, s.gangId))
    if (chosen.has(e.source) || chosen.has(e.target)) for (const c of e.contacts) contacts.add(c)
  const customers = s.nodes.filter((n) => n.startsWith('customer:')).map((n) => n.slice(9))
  const identifiers = s.nodes.filter((n) => !isPersonKey(n))
  const caseId = s.caseId ?? (await openFor(ctx, s, gang.customers, actor))
  if (s.caseId && !(await findCase(ctx.db, s.caseId)))
    throw new CaseError('not_found', `no case ${s.caseId}`, 'case_id')
  const via = `gang:${s.gangId}`
  const add = async (kind: 'contact' | 'customer' | 'identifier', ids: string[]) => {
    let n = 0
    for (let i = 0; i < ids.length; i += CHUNK)
      n += await addCaseMembers(ctx, caseId, kind, ids.slice(i, i + CHUNK), actor, via)
    return n
  }
  return {
    case_id: caseId,
    opened: !s.caseId,
    added: {
      contacts: await add('contact', [...contacts].sort()),
      customers: await add('customer', customers),
      identifiers: await add('identifier', identifiers),
    },
  }
}

async function openFor(ctx: Context, s: Selection, customers: number, actor: string) {
  const c = await openCase(
    ctx,
    {
      origin: 'manual',
      title: s.title || `团伙 ${s.gangId} 线索（${customers} 名客户）`,
      summary: `由团伙图谱 ${s.gangId} 中选定的 ${s.nodes.length} 个节点立案。`,
    },
    actor,
  )
  return c.case_id
}
