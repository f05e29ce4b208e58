// People who log in: accounts, their passwords and the lockout that slows down guessing.
import { randomBytes, randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import { AccessError } from './access-error.js'
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js'
import type { Role } from './roles.js'
import { isRole, roles } from './roles.js'
import { revokeUserSessions } from './sessions.js'
import type { User } from './user-row.js'
import { toUser, userColumns } from './user-row.js'

export type { User } from './user-row.js'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

const USERNAME = /^[a-z0-9._-]{3,64}$/
const MAX_DISPLAY_NAME = 100

export type NewUser = {
  username: string
  display_name: string
  role: Role
  password: string
  mustChangePassword?: boolean
}

export type UserPatch = {
  role?: Role
  disabled?: boolean
  password?: string
  display_name?: string
  /** With a new password: true when an admin resets it; by default a new password clears the flag. */
  mustChangePassword?: boolean
}

export type AuthResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled'; retryAfterSeconds?: number }

export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase()
}

function checkedUsername(raw: string): string {
  const username = normalizeUsername(raw)
  if (!USERNAME.test(username))
    throw new AccessError('validation', 'username', 'use 3 to 64 of a-z, 0-9, ".", "_" and "-"')
  return username
}

function checkedDisplayName(raw: string): string {
  const name = raw.trim()
  if (name === '') throw new AccessError('validation', 'display_name', 'must not be empty')
  if (Array.from(name).length > MAX_DISPLAY_NAME)
    throw new AccessError(
      'validation',
      'display_name',
      `longer than ${MAX_DISPLAY_NAME} characters`,
    )
  return name
}

function checkedRole(role: unknown): Role {
  if (!isRole(role))
    throw new AccessError('validation', 'role', `must be one of ${roles.join(', ')}`)
  return role
}

function checkedPassword(password: string): string {
  const problem = passwordProblem(password)
  if (problem) throw new AccessError('validation', 'password', problem)
  return password
}

// Both drivers say "unique" in their constraint messages (SQLite: UNIQUE constraint failed; PostgreSQL: 23505).
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown }
  return e.code === '23505' || (typeof e.message === 'string' && /unique/i.test(e.message))
}

export async function createUser(ctx: Context, input: NewUser): Promise<User> {
  const username = checkedUsername(input.username)
  const display_name = checkedDisplayName(input.display_name)
  const role = checkedRole(input.role)
  const password = checkedPassword(input.password)
  if (await findByUsername(ctx, username))
    throw new AccessError('conflict', 'username', `${username} is taken`)
  const now = ctx.clock.now().toISOString()
  const row = {
    user_id: randomUUID(),
    username,
    display_name,
    role,
    password_hash: await hashPassword(password),
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    must_change_password: input.mustChangePassword ? 1 : 0,
    created_at: now,
    updated_at: now,
    last_login_at: null,
  }
  try {
    await ctx.db.insertInto('users').values(row).execute()
  } catch (err) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(err))
      throw new AccessError('conflict', 'username', `${username} is taken`)
    throw err
  }
  return toUser(row)
}

export async function listUsers(ctx: Context): Promise<User[]> {
  const rows = await ctx.db.selectFrom('users').select(userColumns).orderBy('username').execute()
  return rows.map(toUser)
}

export async function getUser(ctx: Context, userId: string): Promise<User | null> {
  const row = await ctx.db
    .selectFrom('users')
    .select(userColumns)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row ? toUser(row) : null
}

function findByUsername(ctx: Context, username: string) {
  return ctx.db
    .selectFrom('users')
    .select([...userColumns, 'password_hash', 'failed_logins'])
    .where('username', '=', username)
    .executeTakeFirst()
}

/**
 * Changes a user; every change also lifts a lockout (the admin has looked at the account).
 * Disabling a user or setting a password ends their sessions.
 */
export async function updateUser(ctx: Context, userId: string, patch: UserPatch): Promise<User> {
  const changes: {
    role?: Role
    disabled?: number
    display_name?: string
    password_hash?: string
    must_change_password?: number
  } = {}
  if (patch.role !== undefined) changes.role = checkedRole(patch.role)
  if (patch.display_name !== undefined)
    changes.display_name = checkedDisplayName(patch.display_name)
  if (patch.disabled !== undefined) changes.disabled = patch.disabled ? 1 : 0
  if (patch.password !== undefined) {
    changes.password_hash = await hashPassword(checkedPassword(patch.password))
    changes.must_change_password = patch.mustChangePassword ? 1 : 0
  } else if (patch.mustChangePassword !== undefined) {
    changes.must_change_password = patch.mustChangePassword ? 1 : 0
  }
  const result = await ctx.db
    .updateTable('users')
    .set({
      ...changes,
      failed_logins: 0,
      locked_until: null,
      updated_at: ctx.clock.now().toISOString(),
    })
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new AccessError('not_found', 'user_id', 'no such user')
  if (patch.disabled === true || patch.password !== undefined) await revokeUserSessions(ctx, userId)
  const user = await getUser(ctx, userId)
  if (!user) throw new AccessError('not_found', 'user_id', 'no such user')
  return user
}

/**
 * Checks a username and password. After MAX_FAILED_LOGINS wrong passwords in a row the account
 * is locked for LOCKOUT_MINUTES; while locked the password is not even checked.
 */
export async function authenticate(
  ctx: Context,
  rawUsername: string,
  password: string,
): Promise<AuthResult> {
  const row = await findByUsername(ctx, normalizeUsername(rawUsername))
  if (!row) {
    await verifyPassword(password, await dummyPasswordHash())
    return { ok: false, reason: 'invalid' }
  }
  const now = ctx.clock.now()
  const lockedFor = secondsUntil(row.locked_until, now)
  if (lockedFor > 0) return { ok: false, reason: 'locked', retryAfterSeconds: lockedFor }

  if (!(await verifyPassword(password, row.password_hash)))
    return recordFailure(ctx, row.user_id, now)
  // Only someone with the right password learns that the account is disabled.
  if (Number(row.disabled) === 1) return { ok: false, reason: 'disabled' }

  const last_login_at = now.toISOString()
  await ctx.db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at })
    .where('user_id', '=', row.user_id)
    .execute()
  return { ok: true, user: toUser({ ...row, locked_until: null, last_login_at }) }
}

async function recordFailure(ctx: Context, userId: string, now: Date): Promise<AuthResult> {
  // Incremented in the database, so that parallel guesses each count.
  const counted = await ctx.db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('user_id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirst()
  if (Number(counted?.failed_logins ?? 0) < MAX_FAILED_LOGINS)
    return { ok: false, reason: 'invalid' }
  // The count starts again once the lock is over: five more tries, then another lock.
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)
  await ctx.db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: until.toISOString() })
    .where('user_id', '=', userId)
    .execute()
  return { ok: false, reason: 'locked', retryAfterSeconds: LOCKOUT_MINUTES * 60 }
}

function secondsUntil(time: string | null, now: Date): number {
  if (time === null) return 0
  return Math.max(0, Math.ceil((Date.parse(time) - now.getTime()) / 1000))
}

/**
 * On a store without users: creates `admin` with a random password that must be changed at the
 * first login, and returns it (to print once). Null when any user exists.
 */
export async function ensureFirstAdmin(
  ctx: Context,
): Promise<{ username: string; password: string } | null> {
  const any = await ctx.db.selectFrom('users').select('user_id').limit(1).executeTakeFirst()
  if (any) return null
  const password = randomBytes(18).toString('base64url')
  try {
    await createUser(ctx, {
      username: 'admin',
      display_name: '管理员',
      role: 'admin',
      password,
      mustChangePassword: true,
    })
  } catch (err) {
    // Another process created it first.
    if (err instanceof AccessError && err.code === 'conflict') return null
    throw err
  }
  return { username: 'admin', password }
}

export const DEMO_PASSWORD = 'grayline-demo'

const demoUsers: { username: string; display_name: string; role: Role }[] = [
  { username: 'agent', display_name: '坐席 王芳', role: 'agent' },
  { username: 'handler', display_name: '投诉处理 李娜', role: 'handler' },
  { username: 'investigator', display_name: '反催收专项组 张伟', role: 'investigator' },
  { username: 'admin', display_name: '管理员 刘洋', role: 'admin' },
  { username: 'auditor', display_name: '合规审计 陈静', role: 'auditor' },
]

/**
 * One account per role for demonstrations, all with DEMO_PASSWORD. Existing accounts are left
 * as they are (their password may have changed): only the accounts created now are returned.
 */
export async function createDemoUsers(
  ctx: Context,
): Promise<{ username: string; role: Role; password: string }[]> {
  const created: { username: string; role: Role; password: string }[] = []
  for (const demo of demoUsers) {
    if (await findByUsername(ctx, demo.username)) continue
    await createUser(ctx, { ...demo, password: DEMO_PASSWORD })
    created.push({ username: demo.username, role: demo.role, password: DEMO_PASSWORD })
  }
  return created
}
