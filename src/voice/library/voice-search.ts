// Searches over the library, one model at a time: embeddings of different models never compare.
import type { Context } from '../../context.js'
import { cosine } from './cosine.js'
import { decodeEmbedding } from './embedding-codec.js'
import { libraryIndex } from './library-indexes.js'
import type { VoiceHit, VoiceSearchIndex } from './voice-index.js'

/**
 * How many of the closest kept calls one search returns: enough to show one voice behind many
 * borrowers and to list them for review, bounded so that a search stays a top-k query.
 */
export const SAME_VOICE_CANDIDATES = 200

/** Known agent voices as an index; ids are agent_voice_id. */
export function agentVoiceIndex(
  ctx: Context,
  model: string,
  dim: number,
): Promise<VoiceSearchIndex> {
  return libraryIndex(ctx, 'agents', model, dim)
}

/** The best cosine between a caller and the claimed customer's enrolments; null when none. */
export async function scoreAgainstEnrolment(
  ctx: Context,
  customerId: string,
  embedding: Float32Array,
  model: string,
): Promise<number | null> {
  const rows = await ctx.db
    .selectFrom('voice_enrolments')
    .select('embedding')
    .where('customer_id', '=', customerId)
    .where('model', '=', model)
    .execute()
  if (rows.length === 0) return null
  return Math.max(...rows.map((r) => cosine(embedding, decodeEmbedding(r.embedding))))
}

export type SameVoiceCall = VoiceHit & { contactId: string; claimedCustomerId: string }

/** Kept callers' embeddings that sound like this one, with whom each call claimed to be. */
export async function callsWithVoice(
  ctx: Context,
  embedding: Float32Array,
  model: string,
  minScore: number,
): Promise<SameVoiceCall[]> {
  const index = await libraryIndex(ctx, 'calls', model, embedding.length)
  const hits = index.search(embedding, SAME_VOICE_CANDIDATES, minScore)
  if (!hits.length) return []
  const rows = await ctx.db
    .selectFrom('call_voices')
    .select(['call_voice_id', 'contact_id', 'claimed_customer_id'])
    .where(
      'call_voice_id',
      'in',
      hits.map((h) => h.id),
    )
    .where('expires_at', '>', ctx.clock.now().toISOString())
    .execute()
  const calls = new Map(rows.map((r) => [r.call_voice_id, r]))
  return hits.flatMap((hit) => {
    const row = calls.get(hit.id)
    return row
      ? [{ ...hit, contactId: row.contact_id, claimedCustomerId: row.claimed_customer_id ?? '' }]
      : []
  })
}
