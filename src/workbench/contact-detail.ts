// Everything a handler needs to judge one contact: the record, its assessment and reviews, the
// customer, every identifier it carried with how far that identifier reaches, the customers linked
// through them, the texts its template signal matched, and the customer's other contacts.
import type { Context } from '../context.js'
import type { Assessment, Contact, Customer, Risk } from '../contract/index.js'
import { loadAssessment } from '../detect/assessment.repository.js'
import { splitIdentifierKey } from '../links/identifier.js'
import { customerRecords } from './contact-queue.js'
import type { Review } from './reviews.js'
import { reviewsOf } from './reviews.js'

export type IdentifierReach = {
  identifier: string
  kind: string
  role: string
  customers: number
  contacts: number
  watchlisted: boolean
}

export type LinkedCustomer = { customer_id: string; customer: Customer | null; via: string[] }

export type SimilarText = { contact_id: string; customer_id: string | null; text: string }

export type AttachmentReach = {
  kind: string
  sha256: string
  phash: string | null
  filename: string | null
  reused_by_customers: number
}

export type RecentContact = {
  contact_id: string
  channel: string
  received_at: string
  risk: Risk | null
}

export type ContactDetail = {
  contact: Contact
  assessment: Assessment | null
  reviews: Review[]
  customer: Customer | null
  identifiers: IdentifierReach[]
  linked_customers: LinkedCustomer[]
  similar: SimilarText[]
  attachments: AttachmentReach[]
  recent_contacts: RecentContact[]
}

const MAX_LINKED = 50
const MAX_SIMILAR = 5
const RECENT = 10
/** Roles through which an identifier speaks for a customer; `registered` and `claimed` do not link. */
const LINKING_ROLES = ['caller', 'participant', 'device', 'organization', 'attachment']

export async function contactDetail(
  ctx: Context,
  contactId: string,
): Promise<ContactDetail | null> {
  const row = await ctx.db
    .selectFrom('contacts')
    .select(['record', 'customer_id'])
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  if (!row) return null
  const contact = JSON.parse(row.record) as Contact
  const [assessment, reviews, identifiers, recent] = await Promise.all([
    loadAssessment(ctx.db, contactId),
    reviewsOf(ctx, contactId),
    identifierReach(ctx, contactId),
    row.customer_id ? recentContacts(ctx, row.customer_id) : Promise.resolve([]),
  ])
  const linked = await linkedCustomers(ctx, contactId, row.customer_id, identifiers)
  const similarIds = (assessment?.signals ?? [])
    .filter((s) => s.code === 'template_text' || s.code === 'own_template')
    .flatMap((s) => s.evidence.filter((e) => e.kind === 'contact').map((e) => e.id))
    .slice(0, MAX_SIMILAR)
  const customers = await customerRecords(ctx, [
    ...(row.customer_id ? [row.customer_id] : []),
    ...linked.map((l) => l.customer_id),
  ])
  return {
    contact,
    assessment,
    reviews,
    customer: row.customer_id ? (customers.get(row.customer_id) ?? null) : null,
    identifiers,
    linked_customers: linked.map((l) => ({ ...l, customer: customers.get(l.customer_id) ?? null })),
    similar: await similarTexts(ctx, similarIds),
    attachments: attachmentReach(contact, identifiers),
    recent_contacts: recent,
  }
}

async function identifierReach(ctx: Context, contactId: string): Promise<IdentifierReach[]> {
  const links = await ctx.db
    .selectFrom('contact_identifiers')
    .select(['identifier', 'role'])
    .where('contact_id', '=', contactId)
    .execute()
  const keys = [...new Set(links.map((l) => l.identifier))]
  if (!keys.length) return []
  const [reach, watched] = await Promise.all([
    ctx.db
      .selectFrom('contact_identifiers')
      .select('identifier')
      .select((eb) => [
        eb.fn.count<number | string>('customer_id').distinct().as('customers'),
        eb.fn.count<number | string>('contact_id').distinct().as('contacts'),
      ])
      .where('identifier', 'in', keys)
      .groupBy('identifier')
      .execute(),
    activeWatchlistIdentifiers(ctx, keys),
  ])
  const byKey = new Map(reach.map((r) => [r.identifier, r]))
  return links.map((l) => ({
    identifier: l.identifier,
    kind: splitIdentifierKey(l.identifier).kind,
    role: l.role,
    customers: Number(byKey.get(l.identifier)?.customers ?? 0),
    contacts: Number(byKey.get(l.identifier)?.contacts ?? 0),
    watchlisted: watched.has(l.identifier),
  }))
}

async function activeWatchlistIdentifiers(ctx: Context, keys: string[]): Promise<Set<string>> {
  const now = ctx.clock.now().toISOString()
  const rows = await ctx.db
    .selectFrom('watchlist')
    .select('identifier')
    .where('identifier', 'in', keys)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute()
  return new Set(rows.map((r) => r.identifier))
}

/** Other customers reached through this contact's caller, participants, device, organisation, files. */
async function linkedCustomers(
  ctx: Context,
  contactId: string,
  ownCustomer: string | null,
  identifiers: IdentifierReach[],
): Promise<{ customer_id: string; via: string[] }[]> {
  const keys = identifiers
    .filter((i) => LINKING_ROLES.includes(i.role) && i.customers > 1)
    .map((i) => i.identifier)
  if (!keys.length) return []
  const rows = await ctx.db
    .selectFrom('contact_identifiers')
    .select(['customer_id', 'identifier'])
    .distinct()
    .where('identifier', 'in', [...new Set(keys)])
    .where('customer_id', 'is not', null)
    .where('contact_id', '!=', contactId)
    .orderBy('customer_id')
    .limit(MAX_LINKED * 4)
    .execute()
  const via = new Map<string, string[]>()
  for (const r of rows) {
    const c = r.customer_id
    if (!c || c === ownCustomer) continue
    if (!via.has(c) && via.size >= MAX_LINKED) continue
    via.set(c, [...(via.get(c) ?? []), r.identifier])
  }
  return [...via].map(([customer_id, v]) => ({ customer_id, via: [...new Set(v)] }))
}

async function similarTexts(ctx: Context, ids: string[]): Promise<SimilarText[]> {
  if (!ids.length) return []
  const rows = await ctx.db
    .selectFrom('contacts')
    .select(['contact_id', 'customer_id', 'record'])
    .where('contact_id', 'in', ids)
    .execute()
  const byId = new Map(rows.map((r) => [r.contact_id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    const text = (JSON.parse(r.record) as Contact).text ?? ''
    return [{ contact_id: id, customer_id: r.customer_id, text }]
  })
}

function attachmentReach(contact: Contact, identifiers: IdentifierReach[]): AttachmentReach[] {
  const reach = new Map(identifiers.map((i) => [i.identifier, i.customers]))
  return (contact.attachments ?? []).map((a) => ({
    kind: a.kind,
    sha256: a.sha256.toLowerCase(),
    phash: a.phash ?? null,
    filename: a.filename ?? null,
    reused_by_customers: reach.get(`sha256:${a.sha256.toLowerCase()}`) ?? 0,
  }))
}

async function recentContacts(ctx: Context, customerId: string): Promise<RecentContact[]> {
  const rows = await ctx.db
    .selectFrom('contacts')
    .leftJoin('assessments', 'assessments.contact_id', 'contacts.contact_id')
    .select(['contacts.contact_id', 'contacts.channel', 'contacts.received_at', 'assessments.risk'])
    .where('contacts.customer_id', '=', customerId)
    .orderBy('contacts.received_at', 'desc')
    .limit(RECENT)
    .execute()
  return rows.map((r) => ({
    contact_id: r.contact_id,
    channel: r.channel,
    received_at: r.received_at,
    risk: (r.risk as Risk | null) ?? null,
  }))
}
