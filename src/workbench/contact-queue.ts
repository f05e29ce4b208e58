// The complaint workbench's queue: contacts newest first with their assessment and latest review,
// filtered in SQL and paged by keyset so the first page of a million-contact store stays cheap.
import { sql } from 'kysely'
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely'
import type { Context } from '../context.js'
import type { Category, Contact, Customer, Risk, Severity } from '../contract/index.js'
import type { Database } from '../store/schema.js'
import type { QueueFilter, QueuePage } from './queue-filter.js'
import { COUNT_CAP, MAX_PAGE } from './queue-filter.js'
import { decodeCursor, encodeCursor } from './queue-cursor.js'
import type { ReviewDecision } from './review-decision.js'

export type LatestReview = { decision: ReviewDecision; reviewed_by: string; reviewed_at: string }

export type QueueItem = {
  contact_id: string
  channel: string
  source: string | null
  received_at: string
  customer_id: string | null
  caller_role: string | null
  risk: Risk | null
  severity: Severity | null
  categories: Category[]
  score: number | null
  gang_id: string | null
  review: LatestReview | null
  /** Raw records: the caller masks them for the reader's role. */
  contact: Contact
  customer: Customer | null
}

export type QueueResult = {
  items: QueueItem[]
  next_cursor: string | null
  total: number
  total_is_lower_bound: boolean
}

export class QueueCursorError extends Error {
  readonly code = 'validation'
  readonly field = 'cursor'
  constructor() {
    super('cursor: not a cursor from this queue — start again without one')
  }
}

type Qb = SelectQueryBuilder<Database, 'contacts' | 'assessments', object>
type Eb = ExpressionBuilder<Database, 'contacts' | 'assessments'>

/** `ordered`: the page query, read newest first; the count reads in no order. */
function filtered(ctx: Context, f: QueueFilter, ordered = false): Qb {
  let q = ctx.db
    .selectFrom('contacts')
    .leftJoin('assessments', 'assessments.contact_id', 'contacts.contact_id') as unknown as Qb
  if (f.channel?.length) q = q.where('contacts.channel', 'in', f.channel)
  if (f.source?.length) q = q.where('contacts.source', 'in', f.source)
  if (f.from) q = q.where('contacts.received_at', '>=', f.from)
  if (f.to) q = q.where('contacts.received_at', '<', f.to)
  if (f.customerId) q = q.where('contacts.customer_id', '=', f.customerId)
  // Offered assessments_risk, SQLite's planner (even after ANALYZE) reads every contact of the
  // risk (a quarter of a million in a million) and sorts them all for one page: seconds a page.
  // A unary + hides that index from the page query, which walks the time index until the page
  // is full; the count, in no order, still uses it.
  if (f.risk?.length)
    q =
      ordered && ctx.store === 'sqlite'
        ? q.where(sql<string>`+${sql.ref('assessments.risk')}`, 'in', f.risk)
        : q.where('assessments.risk', 'in', f.risk)
  if (f.severity?.length) q = q.where('assessments.severity', 'in', f.severity)
  if (f.gangId) q = q.where('assessments.gang_id', '=', f.gangId)
  const categories = f.category
  if (categories?.length)
    q = q.where((eb) =>
      eb.or(categories.map((c) => eb('assessments.categories', 'like', `%"${c}"%`))),
    )
  const identifier = f.identifier
  if (identifier)
    q = q.where('contacts.contact_id', 'in', (eb: Eb) =>
      eb
        .selectFrom('contact_identifiers')
        .select('contact_identifiers.contact_id')
        .where('contact_identifiers.identifier', '=', identifier),
    )
  const review = f.review
  if (review === 'unreviewed')
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('contact_reviews')
            .select('contact_reviews.review_id')
            .whereRef('contact_reviews.contact_id', '=', 'contacts.contact_id'),
        ),
      ),
    )
  else if (review?.length) q = q.where((eb) => eb(latestDecision(eb), 'in', review))
  return q
}

function latestDecision(eb: Eb) {
  return eb
    .selectFrom('contact_reviews')
    .select('contact_reviews.decision')
    .whereRef('contact_reviews.contact_id', '=', 'contacts.contact_id')
    .orderBy('contact_reviews.reviewed_at', 'desc')
    .orderBy('contact_reviews.review_id', 'desc')
    .limit(1)
}

export async function contactQueue(
  ctx: Context,
  filter: QueueFilter,
  page: QueuePage = {},
): Promise<QueueResult> {
  const limit = Math.min(MAX_PAGE, Math.max(1, page.limit ?? 50))
  const cursor = page.cursor ? decodeCursor(page.cursor) : null
  if (page.cursor && !cursor) throw new QueueCursorError()
  let q = filtered(ctx, filter, true)
  if (cursor)
    q = q.where((eb) =>
      eb.or([
        eb('contacts.received_at', '<', cursor.receivedAt),
        eb.and([
          eb('contacts.received_at', '=', cursor.receivedAt),
          eb('contacts.contact_id', '<', cursor.contactId),
        ]),
      ]),
    )
  const rows = await q
    .select([
      'contacts.contact_id',
      'contacts.channel',
      'contacts.source',
      'contacts.received_at',
      'contacts.customer_id',
      'contacts.caller_role',
      'contacts.record',
      'assessments.risk',
      'assessments.severity',
      'assessments.categories',
      'assessments.score',
      'assessments.gang_id',
    ])
    .orderBy('contacts.received_at', 'desc')
    .orderBy('contacts.contact_id', 'desc')
    .limit(limit + 1)
    .execute()
  const pageRows = rows.slice(0, limit)
  const ids = pageRows.map((r) => r.contact_id)
  const [reviews, customers, total] = await Promise.all([
    latestReviews(ctx, ids),
    customerRecords(
      ctx,
      pageRows.map((r) => r.customer_id).filter((c): c is string => c !== null),
    ),
    cursor ? Promise.resolve(null) : cappedCount(ctx, filter),
  ])
  const last = pageRows[pageRows.length - 1]
  return {
    items: pageRows.map((r) => ({
      contact_id: r.contact_id,
      channel: r.channel,
      source: r.source,
      received_at: r.received_at,
      customer_id: r.customer_id,
      caller_role: r.caller_role,
      risk: (r.risk as Risk | null) ?? null,
      severity: (r.severity as Severity | null) ?? null,
      categories: r.categories ? (JSON.parse(r.categories) as Category[]) : [],
      score: r.score ?? null,
      gang_id: r.gang_id ?? null,
      review: reviews.get(r.contact_id) ?? null,
      contact: JSON.parse(r.record) as Contact,
      customer: r.customer_id ? (customers.get(r.customer_id) ?? null) : null,
    })),
    next_cursor:
      rows.length > limit && last
        ? encodeCursor({ receivedAt: last.received_at, contactId: last.contact_id })
        : null,
    // Later pages repeat no count: the client keeps the first page's.
    total: total?.n ?? -1,
    total_is_lower_bound: total?.capped ?? false,
  }
}

async function cappedCount(ctx: Context, filter: QueueFilter) {
  const inner = filtered(ctx, filter)
    .select('contacts.contact_id')
    .limit(COUNT_CAP + 1)
  const row = await ctx.db
    .selectFrom(inner.as('capped'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst()
  const n = Number(row?.n ?? 0)
  return { n: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP }
}

export async function latestReviews(
  ctx: Context,
  contactIds: string[],
): Promise<Map<string, LatestReview>> {
  const out = new Map<string, LatestReview>()
  if (!contactIds.length) return out
  const rows = await ctx.db
    .selectFrom('contact_reviews')
    .select(['contact_id', 'decision', 'reviewed_by', 'reviewed_at', 'review_id'])
    .where('contact_id', 'in', contactIds)
    .orderBy('reviewed_at')
    .orderBy('review_id')
    .execute()
  for (const r of rows)
    out.set(r.contact_id, {
      decision: r.decision as ReviewDecision,
      reviewed_by: r.reviewed_by,
      reviewed_at: r.reviewed_at,
    })
  return out
}

export async function customerRecords(
  ctx: Context,
  customerIds: string[],
): Promise<Map<string, Customer>> {
  const out = new Map<string, Customer>()
  const ids = [...new Set(customerIds)]
  if (!ids.length) return out
  const rows = await ctx.db
    .selectFrom('customers')
    .select(['customer_id', 'record'])
    .where('customer_id', 'in', ids)
    .execute()
  for (const r of rows) out.set(r.customer_id, JSON.parse(r.record) as Customer)
  return out
}
