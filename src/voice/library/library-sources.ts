// Where each searchable library's embeddings live: callers' embeddings of calls that claimed a
// borrower (the "one voice, many borrowers" search) and known agent voices. Read in pages so that
// a million embeddings never sit in memory as base64 text at once.
import type { Context } from '../../context.js'
import { decodeEmbedding } from './embedding-codec.js'

export type Library = 'calls' | 'agents'
export type StoredEmbedding = { id: string; embedding: Float32Array }
type Row = { id: string; embedding: string }
type Filter = { after?: string; ids?: string[]; limit?: number }

const PAGE = 5000
const BY_ID_BATCH = 500

function agentRows(ctx: Context, model: string, f: Filter): Promise<Row[]> {
  let q = ctx.db
    .selectFrom('voice_agents')
    .select(['agent_voice_id as id', 'embedding'])
    .where('model', '=', model)
  if (f.after !== undefined) q = q.where('agent_voice_id', '>', f.after)
  if (f.ids) q = q.where('agent_voice_id', 'in', f.ids)
  return q
    .orderBy('agent_voice_id')
    .limit(f.limit ?? PAGE)
    .execute()
}

function callRows(ctx: Context, model: string, f: Filter): Promise<Row[]> {
  let q = ctx.db
    .selectFrom('call_voices')
    .select(['call_voice_id as id', 'embedding'])
    .where('model', '=', model)
    .where('side', '=', 'caller')
    .where('claimed_customer_id', 'is not', null)
  if (f.after !== undefined) q = q.where('call_voice_id', '>', f.after)
  if (f.ids) q = q.where('call_voice_id', 'in', f.ids)
  return q
    .orderBy('call_voice_id')
    .limit(f.limit ?? PAGE)
    .execute()
}

const rowsOf = (ctx: Context, library: Library, model: string, f: Filter): Promise<Row[]> =>
  library === 'agents' ? agentRows(ctx, model, f) : callRows(ctx, model, f)

const decoded = (rows: Row[]): StoredEmbedding[] =>
  rows.map((r) => ({ id: r.id, embedding: decodeEmbedding(r.embedding) }))

/** The ids a library holds for a model: what a loaded index is reconciled with. */
export async function storedIds(ctx: Context, library: Library, model: string): Promise<string[]> {
  if (library === 'agents') {
    const rows = await ctx.db
      .selectFrom('voice_agents')
      .select('agent_voice_id as id')
      .where('model', '=', model)
      .execute()
    return rows.map((r) => r.id)
  }
  const rows = await ctx.db
    .selectFrom('call_voices')
    .select('call_voice_id as id')
    .where('model', '=', model)
    .where('side', '=', 'caller')
    .where('claimed_customer_id', 'is not', null)
    .execute()
  return rows.map((r) => r.id)
}

/** Every embedding of a library for a model, a page at a time, in id order. */
export async function* storedEmbeddings(
  ctx: Context,
  library: Library,
  model: string,
): AsyncGenerator<StoredEmbedding[]> {
  let after = ''
  for (;;) {
    const rows = await rowsOf(ctx, library, model, { after })
    if (rows.length) yield decoded(rows)
    if (rows.length < PAGE) return
    after = rows[rows.length - 1]!.id
  }
}

/** The embeddings of the given ids that are still stored. */
export async function embeddingsOf(
  ctx: Context,
  library: Library,
  model: string,
  ids: string[],
): Promise<StoredEmbedding[]> {
  const out: StoredEmbedding[] = []
  for (let i = 0; i < ids.length; i += BY_ID_BATCH) {
    const batch = ids.slice(i, i + BY_ID_BATCH)
    out.push(...decoded(await rowsOf(ctx, library, model, { ids: batch, limit: batch.length })))
  }
  return out
}
