// Console sessions: a random secret in an HTTP-only cookie, only its hash in the database. A
// session ends 12 hours after login, after 2 hours without a request, or when revoked.
import type { Context } from '../context.js'
import { hashToken, newSecret } from './token-hash.js'
import type { User } from './user-row.js'
import { toUser, userColumns } from './user-row.js'

export const SESSION_LIFETIME_MS = 12 * 3600_000
export const SESSION_IDLE_MS = 2 * 3600_000
// last_seen_at only needs minute precision against a 2-hour idle limit: spare the writes.
const TOUCH_INTERVAL_MS = 60_000
const MAX_USER_AGENT = 500
const MAX_TOKEN_LENGTH = 256

export type SessionOptions = { ip?: string | null; userAgent?: string | null }
export type ResolvedSession = { user: User; expiresAt: string }

export async function createSession(
  ctx: Context,
  userId: string,
  o: SessionOptions = {},
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret()
  const now = ctx.clock.now()
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString()
  await ctx.db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      ip: o.ip ?? null,
      user_agent: o.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    })
    .execute()
  return { token, expiresAt }
}

/** The session's user, or null when the token is unknown, expired, idle too long or its user disabled. */
export async function resolveSession(ctx: Context, token: string): Promise<ResolvedSession | null> {
  if (token === '' || token.length > MAX_TOKEN_LENGTH) return null
  const tokenHash = hashToken(token)
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.user_id', 'sessions.user_id')
    .select(userColumns.map((c) => `users.${c}` as const))
    .select(['sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row) return null
  const now = ctx.clock.now().getTime()
  const lastSeen = Date.parse(row.last_seen_at)
  if (Date.parse(row.expires_at) <= now || now - lastSeen > SESSION_IDLE_MS) {
    // Over for good: drop it rather than keep a dead row.
    await ctx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    return null
  }
  const user = toUser(row)
  if (user.disabled) return null
  if (now - lastSeen >= TOUCH_INTERVAL_MS)
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute()
  return { user, expiresAt: row.expires_at }
}

export async function revokeSession(ctx: Context, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}

/** Ends every session of a user (disabled, or a new password); returns how many there were. */
export async function revokeUserSessions(ctx: Context, userId: string): Promise<number> {
  const result = await ctx.db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
