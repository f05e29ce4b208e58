// Searches over the library, one model at a time: embeddings of different models never compare.
import type { Context } from '../../context.js'
import { cosine } from './cosine.js'
import { decodeEmbedding } from './embedding-codec.js'
import { VoiceIndex } from './voice-index.js'
import type { VoiceHit } from './voice-index.js'

/** Known agent voices as an index; ids are agent_voice_id. */
export async function agentVoiceIndex(
  ctx: Context,
  model: string,
  dim: number,
): Promise<VoiceIndex> {
  const rows = await ctx.db
    .selectFrom('voice_agents')
    .select(['agent_voice_id', 'embedding'])
    .where('model', '=', model)
    .execute()
  const index = new VoiceIndex(dim, Math.max(1, rows.length))
  for (const row of rows) index.add(row.agent_voice_id, decodeEmbedding(row.embedding))
  return index
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
  const rows = await ctx.db
    .selectFrom('call_voices')
    .select(['call_voice_id', 'contact_id', 'claimed_customer_id', 'embedding'])
    .where('model', '=', model)
    .where('side', '=', 'caller')
    .where('claimed_customer_id', 'is not', null)
    .where('expires_at', '>', ctx.clock.now().toISOString())
    .execute()
  return rows
    .map((r) => ({
      id: r.call_voice_id,
      contactId: r.contact_id,
      claimedCustomerId: r.claimed_customer_id ?? '',
      score: cosine(embedding, decodeEmbedding(r.embedding)),
    }))
    .filter((hit) => hit.score >= minScore)
    .sort((a, b) => b.score - a.score)
}
