// Builds the detection index from the store: customers' identifiers on file, the watchlist, then
// every contact in time order. Progress is reported in contacts.
import type { Context } from '../context.js'
import type { WatchlistEntry } from '../contract/index.js'
import { preparedStatement } from '../store/dialect.js'
import type { SqliteHandle } from '../store/dialect.js'
import { keysetPages } from '../store/keyset-pages.js'
import { ContactPreparation } from './contact-preparation.js'
import type { DetectionIndex } from './detection-index.js'
import type { PreparedContact } from './prepared-contact.js'
import { loadResponseFindings } from './response-findings.js'
import { loadSharedMatches } from './shared-indicators.js'
import { loadVoiceFindings } from './voice-findings.js'

export type LoadProgress = (done: number, total: number) => void

export async function loadCustomers(ctx: Context, index: DetectionIndex): Promise<number> {
  if (ctx.sqlite) return loadCustomersOnSqlite(ctx, ctx.sqlite, index)
  let n = 0
  const pages = keysetPages<{ customer_id: string; name_key: string | null }>(ctx.db, {
    table: 'customers',
    order: 'customer_id',
    key: 'customer_id',
    columns: ['customer_id', 'name_key'],
  })
  for await (const rows of pages) {
    const ids = rows.map((r) => r.customer_id)
    const links = await ctx.db
      .selectFrom('customer_identifiers')
      .select(['customer_id', 'identifier'])
      .where('customer_id', 'in', ids)
      .execute()
    const byCustomer = new Map<string, string[]>()
    for (const l of links) {
      const list = byCustomer.get(l.customer_id)
      if (list) list.push(l.identifier)
      else byCustomer.set(l.customer_id, [l.identifier])
    }
    for (const r of rows)
      index.addCustomer({
        customerId: r.customer_id,
        nameKey: r.name_key,
        identifiers: byCustomer.get(r.customer_id) ?? [],
      })
    n += rows.length
  }
  return n
}

/**
 * On SQLite, pages of customers and the range of their identifiers, read with statements prepared
 * once: 1.6 million customers cost ~45 s through a query built for each page's 5,000 ids. Each
 * page is read synchronously while Kysely lends its connection; the event loop runs in between.
 */
async function loadCustomersOnSqlite(
  ctx: Context,
  handle: SqliteHandle,
  index: DetectionIndex,
): Promise<number> {
  const customers = preparedStatement(
    handle,
    `select customer_id, name_key from customers where customer_id > ?
     order by customer_id limit ${CUSTOMER_PAGE}`,
  )
  const identifiers = preparedStatement(
    handle,
    `select customer_id, identifier from customer_identifiers
     where customer_id > ? and customer_id <= ? order by customer_id`,
  )
  let n = 0
  for (let after = ''; ;) {
    const page = await ctx.db.connection().execute(() => {
      const rows = customers.raw().all(after) as [string, string | null][]
      const last = rows[rows.length - 1]?.[0]
      const links = last ? (identifiers.raw().all(after, last) as [string, string][]) : []
      return Promise.resolve({ rows, last, links })
    })
    if (!page.last) return n
    let l = 0
    for (const [customerId, nameKey] of page.rows) {
      const own: string[] = []
      // Both lists are in customer_id order; a link whose customer is gone is passed over.
      while (l < page.links.length && (page.links[l]?.[0] as string) < customerId) l++
      for (; l < page.links.length && page.links[l]?.[0] === customerId; l++)
        own.push(page.links[l]?.[1] as string)
      index.addCustomer({ customerId, nameKey, identifiers: own })
    }
    n += page.rows.length
    after = page.last
  }
}

const CUSTOMER_PAGE = 20_000

export async function loadWatchlist(ctx: Context, index: DetectionIndex): Promise<number> {
  const rows = await ctx.db.selectFrom('watchlist').select('record').execute()
  for (const r of rows) index.watchlist.add(JSON.parse(r.record) as WatchlistEntry)
  return rows.length
}

export async function loadContacts(
  ctx: Context,
  index: DetectionIndex,
  onProgress?: LoadProgress,
): Promise<number> {
  const total = Number(
    (
      await ctx.db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  )
  let n = 0
  // A large history is prepared on a worker while the next page is read; placed in time order.
  const preparation = ContactPreparation.start(
    index.options.templateMinChars,
    total >= PREPARE_ON_WORKER_CONTACTS,
  )
  const place = (prepared: PreparedContact[]) => {
    for (const p of prepared) index.addPrepared(p)
    n += prepared.length
    onProgress?.(n, total)
  }
  try {
    for await (const rows of keysetPages<{ record: string }>(ctx.db, {
      table: 'contacts',
      order: 'received_at',
      key: 'contact_id',
      columns: ['record'],
      pageSize: 10_000,
    })) {
      preparation.submit(rows.map((r) => r.record))
      for await (const prepared of preparation.ready(PREPARED_AHEAD)) place(prepared)
    }
    for await (const prepared of preparation.ready()) place(prepared)
  } finally {
    await preparation.close()
  }
  return n
}

/** From this many contacts a history is prepared for the index on a worker. */
const PREPARE_ON_WORKER_CONTACTS = 20_000
/** Slices left waiting while the next page is read: about one page. */
const PREPARED_AHEAD = 5

export async function loadIndex(
  ctx: Context,
  index: DetectionIndex,
  onProgress?: LoadProgress,
): Promise<void> {
  await loadCustomers(ctx, index)
  await loadWatchlist(ctx, index)
  await loadContacts(ctx, index, onProgress)
  await loadResponseFindings(ctx, index)
  await loadVoiceFindings(ctx, index)
  await loadSharedMatches(ctx, index)
}
