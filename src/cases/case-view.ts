// What a case's members are, for the case page and the dossier: its contacts with their
// assessment, its customers' records, its identifiers — in stable order.
import type { Context } from '../context.js'
import type { Contact, Customer } from '../contract/index.js'
import type { CaseMember } from './case.js'

export type MemberContact = {
  contact_id: string
  channel: string
  received_at: string
  customer_id: string | null
  risk: string | null
  severity: string | null
  contact: Contact
  via: string
}

export type MemberCustomer = { customer_id: string; customer: Customer | null; via: string }

export type CaseMembersView = {
  contacts: MemberContact[]
  customers: MemberCustomer[]
  identifiers: { identifier: string; via: string }[]
}

export async function caseMembersView(
  ctx: Context,
  members: CaseMember[],
): Promise<CaseMembersView> {
  const ids = (kind: string) => members.filter((m) => m.kind === kind)
  const via = new Map(members.map((m) => [`${m.kind}:${m.id}`, m.via]))
  const contacts: MemberContact[] = []
  const contactIds = ids('contact').map((m) => m.id)
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('contacts')
      .leftJoin('assessments', 'assessments.contact_id', 'contacts.contact_id')
      .select([
        'contacts.contact_id',
        'contacts.channel',
        'contacts.received_at',
        'contacts.customer_id',
        'contacts.record',
        'assessments.risk',
        'assessments.severity',
      ])
      .where('contacts.contact_id', 'in', contactIds.slice(i, i + 500))
      .execute()
    for (const r of rows)
      contacts.push({
        ...r,
        contact: JSON.parse(r.record) as Contact,
        via: via.get(`contact:${r.contact_id}`) ?? '',
      })
  }
  contacts.sort(
    (a, b) =>
      a.received_at.localeCompare(b.received_at) || a.contact_id.localeCompare(b.contact_id),
  )
  const customerIds = ids('customer').map((m) => m.id)
  const records = new Map<string, Customer>()
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['customer_id', 'record'])
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .execute()
    for (const r of rows) records.set(r.customer_id, JSON.parse(r.record) as Customer)
  }
  return {
    contacts,
    customers: customerIds.map((id) => ({
      customer_id: id,
      customer: records.get(id) ?? null,
      via: via.get(`customer:${id}`) ?? '',
    })),
    identifiers: ids('identifier').map((m) => ({ identifier: m.id, via: m.via })),
  }
}
