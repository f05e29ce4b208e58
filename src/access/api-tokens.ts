// API tokens for integrations (the CTI asks for screening with one): `glt_` and 32 random bytes,
// shown once at creation and stored only as a hash. Revoked and expired tokens open nothing.
import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { Context } from '../context.js'
import type { ApiTokenTable } from '../store/schema.js'
import { AccessError } from './access-error.js'
import type { Role } from './roles.js'
import { isRole, roles } from './roles.js'
import { hashToken, newSecret } from './token-hash.js'

export const API_TOKEN_PREFIX = 'glt_'
const TOUCH_INTERVAL_MS = 60_000
const MAX_NAME = 100
const MAX_TOKEN_LENGTH = 256

export type ApiToken = {
  token_id: string
  name: string
  role: Role
  created_by: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}

export type NewApiToken = { name: string; role: Role; createdBy: string; expiresAt?: string | null }

const tokenColumns = [
  'token_id',
  'name',
  'role',
  'created_by',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
] as const

function toApiToken(row: Pick<Selectable<ApiTokenTable>, (typeof tokenColumns)[number]>): ApiToken {
  return { ...row, role: row.role as Role }
}

function checkedExpiry(raw: string | null | undefined, now: Date): string | null {
  if (raw == null) return null
  const at = Date.parse(raw)
  if (Number.isNaN(at)) throw new AccessError('validation', 'expires_at', 'not a time')
  if (at <= now.getTime())
    throw new AccessError('validation', 'expires_at', 'must be in the future')
  return new Date(at).toISOString()
}

/** The raw token is returned here and never again. */
export async function createApiToken(
  ctx: Context,
  input: NewApiToken,
): Promise<{ token: string; record: ApiToken }> {
  const name = input.name.trim()
  if (name === '') throw new AccessError('validation', 'name', 'must not be empty')
  if (Array.from(name).length > MAX_NAME)
    throw new AccessError('validation', 'name', `longer than ${MAX_NAME} characters`)
  if (!isRole(input.role))
    throw new AccessError('validation', 'role', `must be one of ${roles.join(', ')}`)
  const now = ctx.clock.now()
  const token = API_TOKEN_PREFIX + newSecret()
  const record: ApiToken = {
    token_id: randomUUID(),
    name,
    role: input.role,
    created_by: input.createdBy,
    created_at: now.toISOString(),
    expires_at: checkedExpiry(input.expiresAt, now),
    revoked_at: null,
    last_used_at: null,
  }
  await ctx.db
    .insertInto('api_tokens')
    .values({ ...record, token_hash: hashToken(token) })
    .execute()
  return { token, record }
}

/** The token's record, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(ctx: Context, token: string): Promise<ApiToken | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null
  const row = await ctx.db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || !isRole(row.role)) return null
  const now = ctx.clock.now()
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return null
  const lastUsed = row.last_used_at === null ? null : Date.parse(row.last_used_at)
  if (lastUsed === null || now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) {
    row.last_used_at = now.toISOString()
    await ctx.db
      .updateTable('api_tokens')
      .set({ last_used_at: row.last_used_at })
      .where('token_id', '=', row.token_id)
      .execute()
  }
  return toApiToken(row)
}

/** Every token, revoked and expired ones included, newest first. */
export async function listApiTokens(ctx: Context): Promise<ApiToken[]> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .orderBy('created_at', 'desc')
    .orderBy('token_id')
    .execute()
  return rows.map(toApiToken)
}

/** Revokes a token (again: a no-op) and returns its record; an unknown id is an AccessError. */
export async function revokeApiToken(ctx: Context, tokenId: string): Promise<ApiToken> {
  await ctx.db
    .updateTable('api_tokens')
    .set({ revoked_at: ctx.clock.now().toISOString() })
    .where('token_id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .execute()
  const row = await ctx.db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('token_id', '=', tokenId)
    .executeTakeFirst()
  if (!row) throw new AccessError('not_found', 'token_id', 'no such token')
  return toApiToken(row)
}
