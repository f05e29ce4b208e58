// Other institutions this installation talks to: consortium members asking for evaluations, TAXII
// peers pulling collections. Each has its own API token (only its hash is stored), the sharing
// groups it belongs to and a daily evaluation quota.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { hashToken, newSecret } from '../access/token-hash.js'
import type { Context } from '../context.js'

export const PEER_TOKEN_PREFIX = 'gls_'

/** 50,000 a day: the reason for the number is in docs/sharing.md (enumeration). */
export const DEFAULT_DAILY_QUOTA = 50_000

export const newPeerSchema = z.object({
  peer_id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits, dashes'),
  name: z.string().trim().min(1).max(200),
  groups: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/))
    .max(50)
    .default([]),
  daily_quota: z.number().int().min(0).max(1_000_000).default(DEFAULT_DAILY_QUOTA),
})
export type NewPeer = z.input<typeof newPeerSchema>

export type SharingPeer = { peerId: string; name: string; groups: string[]; dailyQuota: number }

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
  return { peerId: row.peer_id, name: row.name, groups, dailyQuota: row.daily_quota }
}

export function newStatusId(): string {
  return randomUUID()
}
