// Reads a large table in pages ordered by (orderColumn, keyColumn) — constant memory on both
// stores without driver-specific cursors.
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

export type KeysetOptions = {
  table: keyof Database
  order: string
  key: string
  columns: string[]
  pageSize?: number
}

export async function* keysetPages<Row>(
  db: Kysely<Database>,
  o: KeysetOptions,
): AsyncGenerator<Row[]> {
  const size = o.pageSize ?? 5000
  let after: { order: unknown; key: unknown } | null = null
  const cols = [...new Set([...o.columns, `${o.order} as __order`, `${o.key} as __key`])]
  for (;;) {
    let q = db.selectFrom(o.table as 'contacts').select(cols as never[])
    if (after) {
      const a = after
      q = q.where((eb) =>
        eb.or([
          eb(o.order as 'received_at', '>', a.order as string),
          eb.and([
            eb(o.order as 'received_at', '=', a.order as string),
            eb(o.key as 'contact_id', '>', a.key as string),
          ]),
        ]),
      )
    }
    const rows = (await q
      .orderBy(o.order as 'received_at')
      .orderBy(o.key as 'contact_id')
      .limit(size)
      .execute()) as Record<string, unknown>[]
    if (rows.length) yield rows as Row[]
    const last = rows[rows.length - 1]
    if (!last || rows.length < size) return
    after = { order: last.__order, key: last.__key }
  }
}
