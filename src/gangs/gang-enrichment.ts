// What the index does not keep and the summary needs: the organisation names as the agencies wrote
// them (the index keeps only their match keys) and the customers' outstanding balances.
import type { Contact, Customer } from '../contract/index.js'
import type { DetectionIndex } from '../detect/detection-index.js'
import { organizationIdentifier } from '../links/identifier.js'
import type { Db } from './gang.repository.js'
import type { GangGraph } from './gang-graph.js'
import type { GangSummary } from './gang-summary.js'

const CHUNK = 500
/** Enough letters to see how an organisation names itself; more would only repeat it. */
const CONTACTS_PER_ORGANIZATION = 20
const NAMES_PER_ORGANIZATION = 5

export async function enrichSummary(
  db: Db,
  g: GangGraph,
  index: DetectionIndex,
  nodes: readonly string[],
  summary: GangSummary,
): Promise<GangSummary> {
  const organizations = await organizationNames(db, g, index, summary.organizations)
  const customers = nodes.filter((n) => n.startsWith('customer:')).map((n) => n.slice(9))
  return { ...summary, organizations, outstanding_fen: await outstandingFen(db, customers) }
}

async function organizationNames(
  db: Db,
  g: GangGraph,
  index: DetectionIndex,
  organizations: GangSummary['organizations'],
): Promise<GangSummary['organizations']> {
  const out: GangSummary['organizations'] = []
  for (const o of organizations) {
    const ids = new Set<string>()
    g.forEachEdge(o.key, (_e, a) => {
      for (const i of a.contacts) {
        const id = index.contacts[i]?.contactId
        if (id && ids.size < CONTACTS_PER_ORGANIZATION) ids.add(id)
      }
    })
    const names = new Set<string>()
    for (const record of await records<Contact>(db, 'contacts', [...ids]))
      for (const p of [record.caller, ...(record.participants ?? [])]) {
        const raw = p?.organization
        if (raw && organizationIdentifier(raw)?.identifier === o.key) names.add(raw)
      }
    out.push({ key: o.key, names: [...names].sort().slice(0, NAMES_PER_ORGANIZATION) })
  }
  return out
}

/** The sum of the outstanding balances on file, in fen; null when no customer's record has one. */
async function outstandingFen(db: Db, customers: string[]): Promise<number | null> {
  let sum: number | null = null
  for (const c of await records<Customer>(db, 'customers', customers)) {
    const outstanding = c.loan?.outstanding
    if (typeof outstanding === 'number') sum = (sum ?? 0) + Math.round(outstanding * 100)
  }
  return sum
}

async function records<T>(db: Db, table: 'contacts' | 'customers', ids: string[]): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows =
      table === 'contacts'
        ? await db
            .selectFrom('contacts')
            .select('record')
            .where('contact_id', 'in', ids.slice(i, i + CHUNK))
            .execute()
        : await db
            .selectFrom('customers')
            .select('record')
            .where('customer_id', 'in', ids.slice(i, i + CHUNK))
            .execute()
    for (const r of rows) out.push(JSON.parse(r.record) as T)
  }
  return out
}
