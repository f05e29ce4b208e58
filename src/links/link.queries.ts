// The questions detectors ask of the identifier links, each answered by one indexed query.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store/schema.js'

type Db = Kysely<Database> | Transaction<Database>

export type TimeWindow = { from: string; to: string }

/** The distinct customers an identifier has spoken for (as caller, participant, device …) in a window. */
export async function customersSpokenFor(
  db: Db,
  identifier: string,
  window?: TimeWindow,
): Promise<string[]> {
  let q = db
    .selectFrom('contact_identifiers')
    .select('customer_id')
    .distinct()
    .where('identifier', '=', identifier)
    .where('customer_id', 'is not', null)
  if (window) q = q.where('received_at', '>=', window.from).where('received_at', '<', window.to)
  const rows = await q.orderBy('customer_id').execute()
  return rows.map((r) => r.customer_id as string)
}

export type IdentifierAround = {
  identifier: string
  role: string
  source: 'customer' | 'contact'
  contacts: number
}

/** Everything identifying around a customer: what is on file and what their contacts carried. */
export async function identifiersAroundCustomer(
  db: Db,
  customerId: string,
): Promise<IdentifierAround[]> {
  const onFile = await db
    .selectFrom('customer_identifiers')
    .select(['identifier', 'role'])
    .where('customer_id', '=', customerId)
    .execute()
  const carried = await db
    .selectFrom('contact_identifiers')
    .select(['identifier', 'role'])
    .select((eb) => eb.fn.count<number>('contact_id').as('contacts'))
    .where('customer_id', '=', customerId)
    .groupBy(['identifier', 'role'])
    .orderBy('identifier')
    .execute()
  return [
    ...onFile.map((r) => ({ ...r, source: 'customer' as const, contacts: 0 })),
    ...carried.map((r) => ({ ...r, source: 'contact' as const, contacts: Number(r.contacts) })),
  ]
}

export type ContactSummary = {
  contact_id: string
  channel: string
  source: string | null
  received_at: string
}

/** A customer's contacts across every channel, oldest first. */
export async function contactsOfCustomer(
  db: Db,
  customerId: string,
  window?: TimeWindow,
): Promise<ContactSummary[]> {
  let q = db
    .selectFrom('contacts')
    .select(['contact_id', 'channel', 'source', 'received_at'])
    .where('customer_id', '=', customerId)
  if (window) q = q.where('received_at', '>=', window.from).where('received_at', '<', window.to)
  return q.orderBy('received_at').orderBy('contact_id').execute()
}

/** Identifiers that spoke for the most distinct customers: the dashboard's and analysts' first look. */
export async function largestFanOut(db: Db, kind: string | null, limit = 20) {
  let q = db
    .selectFrom('contact_identifiers')
    .select('identifier')
    .select((eb) => eb.fn.count<number>('customer_id').distinct().as('customers'))
    .where('customer_id', 'is not', null)
    .where('role', 'in', ['caller', 'participant', 'device', 'organization', 'attachment'])
  if (kind) q = q.where('identifier', 'like', `${kind}:%`)
  const rows = await q
    .groupBy('identifier')
    .orderBy('customers', 'desc')
    .orderBy('identifier')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ identifier: r.identifier, customers: Number(r.customers) }))
}
