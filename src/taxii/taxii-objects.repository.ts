// Reads a collection's objects for the objects, manifest, object and versions endpoints: filters
// of TAXII 2.1 §3.4 in SQL, ordered by (date_added, id, version) so that `next` is a keyset mark.
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import type { PageMark, TaxiiQuery } from './taxii-query.js'
import { encodeMark } from './taxii-query.js'

export type ObjectRow = {
  object_id: string
  version: string
  object_type: string
  date_added: string
  object: string
}

export type ObjectPage = { rows: ObjectRow[]; more: boolean; next?: string }

export async function pageObjects(
  db: Kysely<Database>,
  collectionId: string,
  q: TaxiiQuery,
): Promise<ObjectPage> {
  // Every object Grayline stores is STIX 2.1 (the validator sees to it).
  if (q.specVersions && !q.specVersions.includes('2.1')) return { rows: [], more: false }
  let query = objectsOf(db, collectionId)
  if (q.addedAfter) query = query.where('t.date_added', '>', q.addedAfter)
  if (q.ids?.length) query = query.where('t.object_id', 'in', q.ids)
  if (q.types?.length) query = query.where('t.object_type', 'in', q.types)
  const v = q.version
  if (v.kind === 'at') query = query.where('t.version', 'in', v.versions)
  if (v.kind === 'last' || v.kind === 'first')
    query = query.where('t.version', '=', (eb) =>
      eb
        .selectFrom('taxii_objects as t2')
        .select((e) =>
          (v.kind === 'last' ? e.fn.max('t2.version') : e.fn.min('t2.version')).as('v'),
        )
        .whereRef('t2.collection_id', '=', 't.collection_id')
        .whereRef('t2.object_id', '=', 't.object_id'),
    )
  if (q.next) query = afterMark(query, q.next)
  const rows = await query
    .orderBy('t.date_added')
    .orderBy('t.object_id')
    .orderBy('t.version')
    .limit(q.limit + 1)
    .execute()
  const more = rows.length > q.limit
  const page = more ? rows.slice(0, q.limit) : rows
  const last = page[page.length - 1]
  return {
    rows: page,
    more,
    next:
      more && last
        ? encodeMark({ d: last.date_added, o: last.object_id, v: last.version })
        : undefined,
  }
}

type ObjectQuery = ReturnType<typeof objectsOf>

function objectsOf(db: Kysely<Database>, collectionId: string) {
  return db
    .selectFrom('taxii_objects as t')
    .select(['t.object_id', 't.version', 't.object_type', 't.date_added', 't.object'])
    .where('t.collection_id', '=', collectionId)
}

function afterMark(query: ObjectQuery, m: PageMark): ObjectQuery {
  return query.where((eb) =>
    eb.or([
      eb('t.date_added', '>', m.d),
      eb.and([
        eb('t.date_added', '=', m.d),
        eb.or([
          eb('t.object_id', '>', m.o),
          eb.and([eb('t.object_id', '=', m.o), eb('t.version', '>', m.v)]),
        ]),
      ]),
    ]),
  )
}

/** X-TAXII-Date-Added-First / -Last of a page (TAXII 2.1 §3.3.1). */
export function dateAddedHeaders(rows: ObjectRow[]): Record<string, string> {
  const first = rows[0]
  const last = rows[rows.length - 1]
  if (!first || !last) return {}
  return {
    'X-TAXII-Date-Added-First': first.date_added,
    'X-TAXII-Date-Added-Last': last.date_added,
  }
}
