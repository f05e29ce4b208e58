// A person's decision on a flagged contact. Reviews are appended, never edited: the latest one is
// the contact's state and the earlier ones its history. No decision closes or refuses a complaint.
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import type { ReviewDecision } from './review-decision.js'

export type Review = {
  review_id: string
  contact_id: string
  decision: ReviewDecision
  note: string | null
  reviewed_by: string
  reviewed_at: string
}

export class UnknownContactsError extends Error {
  readonly code = 'not_found'
  constructor(readonly contactIds: string[]) {
    super(
      `no such contact: ${contactIds.slice(0, 10).join(', ')}${contactIds.length > 10 ? ' …' : ''}`,
    )
  }
}

const CHUNK = 500

/** Records one decision for each contact; all or none — an unknown id rejects the whole batch. */
export async function recordReviews(
  ctx: Context,
  contactIds: string[],
  decision: ReviewDecision,
  note: string | null,
  actor: string,
): Promise<Review[]> {
  const ids = [...new Set(contactIds)]
  const known = new Set<string>()
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('contacts')
      .select('contact_id')
      .where('contact_id', 'in', ids.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) known.add(r.contact_id)
  }
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length) throw new UnknownContactsError(missing)
  const at = ctx.clock.now().toISOString()
  const reviews: Review[] = ids.map((contact_id) => ({
    review_id: randomUUID(),
    contact_id,
    decision,
    note,
    reviewed_by: actor,
    reviewed_at: at,
  }))
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < reviews.length; i += CHUNK)
      await trx
        .insertInto('contact_reviews')
        .values(reviews.slice(i, i + CHUNK))
        .execute()
  })
  return reviews
}

/** A contact's reviews, newest first. */
export async function reviewsOf(ctx: Context, contactId: string): Promise<Review[]> {
  const rows = await ctx.db
    .selectFrom('contact_reviews')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('reviewed_at', 'desc')
    .orderBy('review_id', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, decision: r.decision as ReviewDecision }))
}
