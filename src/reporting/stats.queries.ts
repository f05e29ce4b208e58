// The dashboard's grouped queries. Each scans a period once and returns only groups: a day's
// channel with its risks and severities, an identifier's fan-out, a decision's count. The same
// SQL runs on SQLite and PostgreSQL (times are ISO text, categories a JSON array as text).
import { sql } from 'kysely'
import type { Context } from '../context.js'
import type { Category } from '../contract/index.js'
import { categories } from '../contract/index.js'
import type { TimeBounds } from './stats-range.js'

/** Contacts of one day and channel with one risk and severity (null: not assessed / none). */
export type TallyGroup = {
  day: string
  channel: string
  risk: string | null
  severity: string | null
  contacts: number
  /** Contacts of the group whose assessment names each category, in the contract's order. */
  categories: number[]
}

/** Counts come back as numbers from SQLite and as numeric text from PostgreSQL. */
type DriverCount = number | string | null

const day = sql<string>`substr(c.received_at, 1, 10)`

/** Contacts whose stored JSON array names the category; `_` escaped so that it is no wildcard. */
function naming(category: Category) {
  const pattern = `%"${category.replace(/_/g, '\\_')}"%`
  return sql<DriverCount>`sum(case when a.categories like ${pattern} escape '\\' then 1 else 0 end)`
}

export async function tallyGroups(ctx: Context, bounds: TimeBounds): Promise<TallyGroup[]> {
  const rows = await ctx.db
    .selectFrom('contacts as c')
    .leftJoin('assessments as a', 'a.contact_id', 'c.contact_id')
    .select([day.as('day'), 'c.channel', 'a.risk', 'a.severity'])
    .select((eb) => eb.fn.countAll().as('contacts'))
    .select(categories.map((category, i) => naming(category).as(`c${i}`)))
    .where('c.received_at', '>=', bounds.from)
    .where('c.received_at', '<', bounds.to)
    .groupBy([day, 'c.channel', 'a.risk', 'a.severity'])
    .execute()
  return rows.map((r) => {
    const sums = r as unknown as Record<string, DriverCount>
    return {
      day: r.day,
      channel: r.channel,
      risk: r.risk,
      severity: r.severity,
      contacts: Number(r.contacts),
      categories: categories.map((_, i) => Number(sums[`c${i}`] ?? 0)),
    }
  })
}

export type FanOutRow = { identifier: string; customers: number; contacts: number }

/** Roles in which an identifier speaks for someone; 'attachment' and on-file roles are not. */
export const FAN_OUT_ROLES = ['caller', 'participant', 'claimed', 'organization', 'device']

/** How many candidates the first pass of topFanOut ranks for each identifier asked for. */
export const FAN_OUT_CANDIDATES = 5

/**
 * Identifiers that spoke for the most distinct customers in the period. A link where the
 * identifier is the customer's own registered one is the customer speaking for themself and
 * does not count; one customer is no fan-out.
 *
 * Checking every link against the customers' registrations costs as much again as reading the
 * links, so a first pass ranks identifiers without that check — an upper bound of their count —
 * and only the best candidates are counted exactly. When the candidates cannot prove the answer
 * (a weaker identifier outside them could still rank), everything is counted exactly.
 */
export async function topFanOut(
  ctx: Context,
  bounds: TimeBounds,
  limit: number,
  candidatesPer = FAN_OUT_CANDIDATES,
): Promise<FanOutRow[]> {
  const wanted = limit * candidatesPer
  const candidates = await fanOutUpperBounds(ctx, bounds, wanted)
  const floor = candidates[candidates.length - 1]
  if (!floor) return []
  const exact = await exactFanOut(
    ctx,
    bounds,
    limit,
    candidates.map((c) => c.identifier),
  )
  const last = exact[limit - 1]
  const proven =
    candidates.length < wanted || (last !== undefined && last.customers > floor.customers)
  return proven ? exact : exactFanOut(ctx, bounds, limit, null)
}

function fanOutLinks(ctx: Context, bounds: TimeBounds) {
  return ctx.db
    .selectFrom('contact_identifiers as l')
    .where('l.received_at', '>=', bounds.from)
    .where('l.received_at', '<', bounds.to)
    .where('l.role', 'in', FAN_OUT_ROLES)
}

/** Distinct customers per identifier, own registered identifiers included: never fewer than exact. */
async function fanOutUpperBounds(ctx: Context, bounds: TimeBounds, limit: number) {
  const rows = await fanOutLinks(ctx, bounds)
    .select('l.identifier')
    .select((eb) => eb.fn.count<number | string>('l.customer_id').distinct().as('customers'))
    .groupBy('l.identifier')
    .having((eb) => eb.fn.count('l.customer_id').distinct(), '>=', 2)
    .orderBy('customers', 'desc')
    .orderBy('l.identifier')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ identifier: r.identifier, customers: Number(r.customers) }))
}

/** The ranking itself, of the given identifiers or (null) of all of them. */
async function exactFanOut(
  ctx: Context,
  bounds: TimeBounds,
  limit: number,
  identifiers: string[] | null,
): Promise<FanOutRow[]> {
  let q = fanOutLinks(ctx, bounds)
    .select('l.identifier')
    .select((eb) => [
      eb.fn.count<number | string>('l.customer_id').distinct().as('customers'),
      eb.fn.count<number | string>('l.contact_id').distinct().as('contacts'),
    ])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('customer_identifiers as o')
            .select(sql`1`.as('one'))
            .whereRef('o.customer_id', '=', 'l.customer_id')
            .whereRef('o.identifier', '=', 'l.identifier')
            .where('o.role', '=', 'registered'),
        ),
      ),
    )
  if (identifiers) q = q.where('l.identifier', 'in', identifiers)
  const rows = await q
    .groupBy('l.identifier')
    .having((eb) => eb.fn.count('l.customer_id').distinct(), '>=', 2)
    .orderBy('customers', 'desc')
    .orderBy('contacts', 'desc')
    .orderBy('l.identifier')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    identifier: r.identifier,
    customers: Number(r.customers),
    contacts: Number(r.contacts),
  }))
}

/** Distinct gangs among the period's contacts; read from the gang index, gangs being sparse. */
export async function distinctGangs(ctx: Context, bounds: TimeBounds): Promise<number> {
  const row = await ctx.db
    .selectFrom('assessments as a')
    .innerJoin('contacts as c', 'c.contact_id', 'a.contact_id')
    .select((eb) => eb.fn.count<number | string>('a.gang_id').distinct().as('gangs'))
    .where('a.gang_id', 'is not', null)
    .where('c.received_at', '>=', bounds.from)
    .where('c.received_at', '<', bounds.to)
    .executeTakeFirst()
  return Number(row?.gangs ?? 0)
}

/**
 * The period's contacts by their latest review decision (the newest reviewed_at wins, ties by
 * review_id); contacts nobody reviewed are not counted.
 */
export async function latestDecisions(
  ctx: Context,
  bounds: TimeBounds,
): Promise<Map<string, number>> {
  const rows = await ctx.db
    .selectFrom('contact_reviews as r')
    .innerJoin('contacts as c', 'c.contact_id', 'r.contact_id')
    .select('r.decision')
    .select((eb) => eb.fn.countAll<number | string>().as('contacts'))
    .where('c.received_at', '>=', bounds.from)
    .where('c.received_at', '<', bounds.to)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('contact_reviews as n')
            .select(sql`1`.as('one'))
            .whereRef('n.contact_id', '=', 'r.contact_id')
            .where((nb) =>
              nb.or([
                nb('n.reviewed_at', '>', nb.ref('r.reviewed_at')),
                nb.and([
                  nb('n.reviewed_at', '=', nb.ref('r.reviewed_at')),
                  nb('n.review_id', '>', nb.ref('r.review_id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .groupBy('r.decision')
    .execute()
  return new Map(rows.map((r) => [r.decision, Number(r.contacts)]))
}
