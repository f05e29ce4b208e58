// Builds the detection index from the store: customers' identifiers on file, the watchlist, then
// every contact in time order. Progress is reported in contacts.
import type { Context } from '../context.js'
import type { WatchlistEntry } from '../contract/index.js'
import { keysetPages } from '../store/keyset-pages.js'
import { ContactPreparation } from './contact-preparation.js'
import type { DetectionIndex } from './detection-index.js'
import type { PreparedContact } from './prepared-contact.js'
import { loadResponseFindings } from './response-findings.js'
import { loadSharedMatches } from './shared-indicators.js'
import { loadVoiceFindings } from './voice-findings.js'

export type LoadProgress = (done: number, total: number) => void

export async function loadCustomers(ctx: Context, index: DetectionIndex): Promise<number> {
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
    for (const l of links)
      byCustomer.set(l.customer_id, [...(byCustomer.get(l.customer_id) ?? []), l.identifier])
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
