// Other institutions this installation talks to: consortium members asking for evaluations, TAXII
// peers pulling collections. Each has its own API token (only its hash is stored), the sharing
// groups it belongs to and its evaluation quotas (per epoch, and per day).
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { hashToken, newSecret } from '../access/token-hash.js'
import type { Context } from '../context.js'

export const PEER_TOKEN_PREFIX = 'gls_'

/**
 * Evaluations a consortium member may ask for in one epoch — a calendar month, after which keys,
 * tokens and shared indicators all change. A member tokenises every identifier its contacts carry
 * once per epoch: for a lender with 1,000,000 customers, on the order of one to two and a half
 * million phones, WeChat ids and organisation keys. The default is that book once with room for
 * the month's new identifiers. The epoch budget is what bounds enumeration: three million guesses
 * are under 0.2% of the ~1.8 billion mobile numbers in use in China, guesses cannot accumulate
 * across months (last month's tokens match nothing), a member that spends its budget guessing
 * cannot tokenise its own book, and every evaluation is counted and audited. Set each member's
 * quota to its own book (`grayline sharing peer-add --epoch-quota`).
 */
export const DEFAULT_EPOCH_QUOTA = 3_000_000

/**
 * By default a member may spend its whole epoch budget in a day: from the turn of the month until
 * its book is tokenised again nothing it holds can match, so it should be able to do it at once.
 * A lower daily quota spreads the budget (and slows a guesser further).
 */
export const DEFAULT_DAILY_QUOTA = DEFAULT_EPOCH_QUOTA

export const newPeerSchema = z.object({
  peer_id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits, dashes'),
  name: z.string().trim().min(1).max(200),
  groups: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/))
    .max(50)
    .default([]),
  daily_quota: z.number().int().min(0).max(100_000_000).default(DEFAULT_DAILY_QUOTA),
  epoch_quota: z.number().int().min(0).max(100_000_000).default(DEFAULT_EPOCH_QUOTA),
})
export type NewPeer = z.input<typeof newPeerSchema>

export type SharingPeer = {
  peerId: string
  name: string
  groups: string[]
  dailyQuota: number
  epochQuota: number
}

/** Registers a peer and returns its token, shown once. */
export async function createPeer(ctx: Context, input: NewPeer): Promise<{ token: string }> {
  const p = newPeerSchema.parse(input)
  const token = `${PEER_TOKEN_PREFIX}${newSecret()}`
  await ctx.db
    .insertInto('sharing_peers')
    .values({
      peer_id: p.peer_id,
      name: p.name,
      token_hash: hashToken(token),
      groups: JSON.stringify(p.groups),
      daily_quota: p.daily_quota,
      epoch_quota: p.epoch_quota,
      created_at: ctx.clock.now().toISOString(),
      revoked_at: null,
    })
    .execute()
  return { token }
}

export async function resolvePeer(ctx: Context, token: string): Promise<SharingPeer | null> {
  if (!token.startsWith(PEER_TOKEN_PREFIX)) return null
  const row = await ctx.db
    .selectFrom('sharing_peers')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  const groups = z.array(z.string()).parse(JSON.parse(row.groups))
  return {
    peerId: row.peer_id,
    name: row.name,
    groups,
    dailyQuota: row.daily_quota,
    epochQuota: row.epoch_quota,
  }
}

export function newStatusId(): string {
  return randomUUID()
}
