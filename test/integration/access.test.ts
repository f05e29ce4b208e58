import { describe, expect, it } from 'vitest'
import {
  AccessError,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  authenticate,
  createApiToken,
  createDemoUsers,
  createSession,
  createUser,
  ensureFirstAdmin,
  getUser,
  listApiTokens,
  listUsers,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
  revokeSession,
  updateUser,
} from '../../src/access/index.js'
import type { Context } from '../../src/context.js'
import type { OpenTestStore } from './stores.js'
import { testStores, useStore } from './stores.js'

const MINUTE = 60_000

/** A clock the test moves by hand: lockouts and idle sessions expire without sleeping. */
function manualClock(start = '2026-03-05T01:00:00.000Z') {
  let t = Date.parse(start)
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}

function withClock(t: OpenTestStore) {
  const clock = manualClock()
  const ctx: Context = { ...t.ctx, clock }
  return { ctx, clock }
}

async function handler(ctx: Context) {
  return createUser(ctx, {
    username: '  LiNa.Handler ',
    display_name: '投诉处理 李娜',
    role: 'handler',
    password: 'correct-horse-1',
  })
}

async function accessError(p: Promise<unknown>): Promise<AccessError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AccessError)
  return err as AccessError
}

describe.each(testStores)('access on $kind', (store) => {
  const { available } = store
  const t = useStore(store)

  describe('users', () => {
    it.skipIf(!available)(
      'creates, lists and reads users without their password hash',
      async () => {
        const { ctx } = withClock(t)
        const user = await handler(ctx)
        expect(user).toEqual({
          user_id: expect.any(String),
          username: 'lina.handler',
          display_name: '投诉处理 李娜',
          role: 'handler',
          disabled: false,
          locked_until: null,
          last_login_at: null,
          created_at: '2026-03-05T01:00:00.000Z',
          must_change_password: false,
        })
        expect(await getUser(ctx, user.user_id)).toEqual(user)
        expect(await listUsers(ctx)).toEqual([user])
        expect(await getUser(ctx, 'no-such-id')).toBeNull()
        const stored = await ctx.db
          .selectFrom('users')
          .select('password_hash')
          .executeTakeFirstOrThrow()
        expect(stored.password_hash).toMatch(/^scrypt\$/)
      },
    )

    it.skipIf(!available)('refuses bad input field by field, and taken usernames', async () => {
      const { ctx } = withClock(t)
      await handler(ctx)
      const base = {
        username: 'wangfang',
        display_name: '坐席 王芳',
        role: 'agent' as const,
        password: 'grayline-demo',
      }
      const cases: [Partial<typeof base>, string][] = [
        [{ username: 'ab' }, 'username'],
        [{ username: '王芳' }, 'username'],
        [{ username: 'a'.repeat(65) }, 'username'],
        [{ display_name: '  ' }, 'display_name'],
        [{ role: 'root' as never }, 'role'],
        [{ password: 'short' }, 'password'],
      ]
      for (const [change, field] of cases) {
        const err = await accessError(createUser(ctx, { ...base, ...change }))
        expect([err.code, err.field]).toEqual(['validation', field])
      }
      const taken = await accessError(createUser(ctx, { ...base, username: 'LINA.HANDLER' }))
      expect([taken.code, taken.field]).toEqual(['conflict', 'username'])
      expect(await listUsers(ctx)).toHaveLength(1)
    })

    it.skipIf(!available)(
      'updates role, name and password; an unknown id is not found',
      async () => {
        const { ctx, clock } = withClock(t)
        const user = await handler(ctx)
        clock.advance(MINUTE)
        const updated = await updateUser(ctx, user.user_id, {
          role: 'investigator',
          display_name: '反催收专项组 李娜',
          password: 'a-new-password-2026',
        })
        expect(updated).toMatchObject({ role: 'investigator', display_name: '反催收专项组 李娜' })
        expect((await authenticate(ctx, 'lina.handler', 'correct-horse-1')).ok).toBe(false)
        expect((await authenticate(ctx, 'lina.handler', 'a-new-password-2026')).ok).toBe(true)
        const missing = await accessError(updateUser(ctx, 'no-such-id', { disabled: true }))
        expect(missing.code).toBe('not_found')
        const weak = await accessError(updateUser(ctx, user.user_id, { password: 'short' }))
        expect([weak.code, weak.field]).toEqual(['validation', 'password'])
      },
    )
  })

  describe('logging in', () => {
    it.skipIf(!available)('accepts the right password whatever the username case', async () => {
      const { ctx, clock } = withClock(t)
      await handler(ctx)
      clock.advance(5 * MINUTE)
      const result = await authenticate(ctx, ' LINA.handler ', 'correct-horse-1')
      expect(result).toEqual({
        ok: true,
        user: expect.objectContaining({
          username: 'lina.handler',
          last_login_at: '2026-03-05T01:05:00.000Z',
        }),
      })
      const user = await getUser(ctx, result.ok ? result.user.user_id : '')
      expect(user?.last_login_at).toBe('2026-03-05T01:05:00.000Z')
    })

    it.skipIf(!available)(
      'says only "invalid" for a wrong password or an unknown user',
      async () => {
        const { ctx } = withClock(t)
        await handler(ctx)
        expect(await authenticate(ctx, 'lina.handler', 'wrong-password')).toEqual({
          ok: false,
          reason: 'invalid',
        })
        expect(await authenticate(ctx, 'nobody', 'correct-horse-1')).toEqual({
          ok: false,
          reason: 'invalid',
        })
      },
    )

    it.skipIf(!available)(
      'locks the account after 5 failures for 15 minutes, then lets it try again',
      async () => {
        const { ctx, clock } = withClock(t)
        await handler(ctx)
        for (let i = 1; i < MAX_FAILED_LOGINS; i++)
          expect((await authenticate(ctx, 'lina.handler', `guess-${i}`)).ok).toBe(false)
        const fifth = await authenticate(ctx, 'lina.handler', 'guess-5')
        expect(fifth).toEqual({
          ok: false,
          reason: 'locked',
          retryAfterSeconds: LOCKOUT_MINUTES * 60,
        })
        const user = (await listUsers(ctx))[0]
        expect(user?.locked_until).toBe('2026-03-05T01:15:00.000Z')

        // Locked: even the right password is refused, with the time left.
        clock.advance(10 * MINUTE)
        expect(await authenticate(ctx, 'lina.handler', 'correct-horse-1')).toEqual({
          ok: false,
          reason: 'locked',
          retryAfterSeconds: 5 * 60,
        })
        clock.advance(5 * MINUTE)
        expect((await authenticate(ctx, 'lina.handler', 'correct-horse-1')).ok).toBe(true)
        expect((await listUsers(ctx))[0]?.locked_until).toBeNull()
      },
    )

    it.skipIf(!available)('counts consecutive failures only: a success starts again', async () => {
      const { ctx } = withClock(t)
      await handler(ctx)
      for (let i = 1; i < MAX_FAILED_LOGINS; i++)
        await authenticate(ctx, 'lina.handler', `guess-${i}`)
      expect((await authenticate(ctx, 'lina.handler', 'correct-horse-1')).ok).toBe(true)
      for (let i = 1; i < MAX_FAILED_LOGINS; i++)
        expect(await authenticate(ctx, 'lina.handler', `guess-${i}`)).toEqual({
          ok: false,
          reason: 'invalid',
        })
    })

    it.skipIf(!available)('an admin update lifts the lock', async () => {
      const { ctx } = withClock(t)
      const user = await handler(ctx)
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) await authenticate(ctx, 'lina.handler', 'guess')
      expect((await authenticate(ctx, 'lina.handler', 'correct-horse-1')).ok).toBe(false)
      const unlocked = await updateUser(ctx, user.user_id, { display_name: '投诉处理 李娜' })
      expect(unlocked.locked_until).toBeNull()
      expect((await authenticate(ctx, 'lina.handler', 'correct-horse-1')).ok).toBe(true)
    })

    it.skipIf(!available)(
      'tells a disabled account only to someone with its password',
      async () => {
        const { ctx } = withClock(t)
        const user = await handler(ctx)
        await updateUser(ctx, user.user_id, { disabled: true })
        expect(await authenticate(ctx, 'lina.handler', 'correct-horse-1')).toEqual({
          ok: false,
          reason: 'disabled',
        })
        expect(await authenticate(ctx, 'lina.handler', 'wrong-password')).toEqual({
          ok: false,
          reason: 'invalid',
        })
      },
    )
  })

  describe('sessions', () => {
    it.skipIf(!available)('resolves a session to its user and stores only a hash', async () => {
      const { ctx } = withClock(t)
      const user = await handler(ctx)
      const s = await createSession(ctx, user.user_id, { ip: '10.1.2.3', userAgent: 'Mozilla/5.0' })
      expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(s.expiresAt).toBe('2026-03-05T13:00:00.000Z')
      expect(await resolveSession(ctx, s.token)).toEqual({ user, expiresAt: s.expiresAt })
      const rows = await ctx.db.selectFrom('sessions').selectAll().execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(JSON.stringify(rows)).not.toContain(s.token)
      expect(await resolveSession(ctx, 'not-a-session')).toBeNull()
      expect(await resolveSession(ctx, '')).toBeNull()
    })

    it.skipIf(!available)('ends after 2 idle hours; activity keeps it alive', async () => {
      const { ctx, clock } = withClock(t)
      const user = await handler(ctx)
      const active = await createSession(ctx, user.user_id)
      const idle = await createSession(ctx, user.user_id)
      for (let i = 0; i < 4; i++) {
        clock.advance(90 * MINUTE)
        expect(await resolveSession(ctx, active.token)).not.toBeNull()
      }
      expect(await resolveSession(ctx, idle.token)).toBeNull()
      // A dead session is deleted, not kept.
      expect(await ctx.db.selectFrom('sessions').select('token_hash').execute()).toHaveLength(1)
    })

    it.skipIf(!available)('ends 12 hours after login however active', async () => {
      const { ctx, clock } = withClock(t)
      const user = await handler(ctx)
      const s = await createSession(ctx, user.user_id)
      for (let i = 0; i < 11; i++) {
        clock.advance(60 * MINUTE)
        expect(await resolveSession(ctx, s.token)).not.toBeNull()
      }
      clock.advance(60 * MINUTE)
      expect(await resolveSession(ctx, s.token)).toBeNull()
    })

    it.skipIf(!available)('refreshes last_seen_at at most once a minute', async () => {
      const { ctx, clock } = withClock(t)
      const user = await handler(ctx)
      const s = await createSession(ctx, user.user_id)
      const lastSeen = async () =>
        (await ctx.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow())
          .last_seen_at
      clock.advance(30_000)
      await resolveSession(ctx, s.token)
      expect(await lastSeen()).toBe('2026-03-05T01:00:00.000Z')
      clock.advance(30_000)
      await resolveSession(ctx, s.token)
      expect(await lastSeen()).toBe('2026-03-05T01:01:00.000Z')
    })

    it.skipIf(!available)(
      'is revoked by logout, by disabling the user and by a new password',
      async () => {
        const { ctx } = withClock(t)
        const user = await handler(ctx)
        const other = await createUser(ctx, {
          username: 'wangfang',
          display_name: '坐席 王芳',
          role: 'agent',
          password: 'grayline-demo',
        })
        const logout = await createSession(ctx, user.user_id)
        await revokeSession(ctx, logout.token)
        expect(await resolveSession(ctx, logout.token)).toBeNull()

        const a = await createSession(ctx, user.user_id)
        const b = await createSession(ctx, other.user_id)
        await updateUser(ctx, user.user_id, { disabled: true })
        expect(await resolveSession(ctx, a.token)).toBeNull()
        expect(await resolveSession(ctx, b.token)).not.toBeNull()

        await updateUser(ctx, other.user_id, { password: 'another-password-1' })
        expect(await resolveSession(ctx, b.token)).toBeNull()

        // A role change keeps the session, and the session sees the new role.
        const c = await createSession(ctx, other.user_id)
        await updateUser(ctx, other.user_id, { role: 'investigator' })
        expect((await resolveSession(ctx, c.token))?.user.role).toBe('investigator')
      },
    )
  })

  describe('API tokens', () => {
    it.skipIf(!available)(
      'resolve to their record and are listed without their secret',
      async () => {
        const { ctx, clock } = withClock(t)
        const { token, record } = await createApiToken(ctx, {
          name: ' CTI 呼叫中心 ',
          role: 'agent',
          createdBy: 'admin',
        })
        expect(token).toMatch(/^glt_[A-Za-z0-9_-]{43}$/)
        expect(record).toEqual({
          token_id: expect.any(String),
          name: 'CTI 呼叫中心',
          role: 'agent',
          created_by: 'admin',
          created_at: '2026-03-05T01:00:00.000Z',
          expires_at: null,
          revoked_at: null,
          last_used_at: null,
        })
        clock.advance(MINUTE)
        expect(await resolveApiToken(ctx, token)).toEqual({
          ...record,
          last_used_at: '2026-03-05T01:01:00.000Z',
        })
        clock.advance(30_000)
        await resolveApiToken(ctx, token)
        const listed = await listApiTokens(ctx)
        expect(listed).toEqual([{ ...record, last_used_at: '2026-03-05T01:01:00.000Z' }])
        expect(
          JSON.stringify(await ctx.db.selectFrom('api_tokens').selectAll().execute()),
        ).not.toContain(token.slice(4))
        expect(await resolveApiToken(ctx, 'glt_unknown')).toBeNull()
        expect(await resolveApiToken(ctx, token.slice(4))).toBeNull()
      },
    )

    it.skipIf(!available)('stop working when revoked or expired', async () => {
      const { ctx, clock } = withClock(t)
      const revoked = await createApiToken(ctx, {
        name: 'old CTI',
        role: 'agent',
        createdBy: 'admin',
      })
      const expiring = await createApiToken(ctx, {
        name: 'pilot',
        role: 'investigator',
        createdBy: 'admin',
        expiresAt: '2026-03-05T10:00:00+08:00',
      })
      expect(expiring.record.expires_at).toBe('2026-03-05T02:00:00.000Z')
      const after = await revokeApiToken(ctx, revoked.record.token_id)
      expect(after.revoked_at).toBe('2026-03-05T01:00:00.000Z')
      expect(await resolveApiToken(ctx, revoked.token)).toBeNull()
      clock.advance(5 * MINUTE)
      // Revoking again keeps the first time.
      expect((await revokeApiToken(ctx, revoked.record.token_id)).revoked_at).toBe(after.revoked_at)
      expect(await resolveApiToken(ctx, expiring.token)).not.toBeNull()
      clock.advance(55 * MINUTE)
      expect(await resolveApiToken(ctx, expiring.token)).toBeNull()
      expect((await accessError(revokeApiToken(ctx, 'no-such-token'))).code).toBe('not_found')
    })

    it.skipIf(!available)('refuse bad names, roles and expiry times', async () => {
      const { ctx } = withClock(t)
      const base = { name: 'CTI', role: 'agent' as const, createdBy: 'admin' }
      for (const [change, field] of [
        [{ name: ' ' }, 'name'],
        [{ role: 'root' as never }, 'role'],
        [{ expiresAt: 'tomorrow' }, 'expires_at'],
        [{ expiresAt: '2026-03-04T00:00:00Z' }, 'expires_at'],
      ] as const) {
        const err = await accessError(createApiToken(ctx, { ...base, ...change }))
        expect([err.code, err.field]).toEqual(['validation', field])
      }
    })
  })

  describe('first accounts', () => {
    it.skipIf(!available)('creates a first admin with a random password only once', async () => {
      const { ctx } = withClock(t)
      const first = await ensureFirstAdmin(ctx)
      expect(first?.username).toBe('admin')
      expect(first?.password.length).toBeGreaterThanOrEqual(16)
      const admin = (await listUsers(ctx))[0]
      expect(admin).toMatchObject({ username: 'admin', role: 'admin', must_change_password: true })
      expect((await authenticate(ctx, 'admin', first?.password ?? '')).ok).toBe(true)
      expect(await ensureFirstAdmin(ctx)).toBeNull()
      // Setting a password clears the must-change flag unless asked to keep it.
      const changed = await updateUser(ctx, admin?.user_id ?? '', { password: 'my-own-password' })
      expect(changed.must_change_password).toBe(false)
    })

    it.skipIf(!available)('creates one demo account per role, once', async () => {
      const { ctx } = withClock(t)
      const created = await createDemoUsers(ctx)
      expect(created).toEqual([
        { username: 'agent', role: 'agent', password: 'grayline-demo' },
        { username: 'handler', role: 'handler', password: 'grayline-demo' },
        { username: 'investigator', role: 'investigator', password: 'grayline-demo' },
        { username: 'admin', role: 'admin', password: 'grayline-demo' },
        { username: 'auditor', role: 'auditor', password: 'grayline-demo' },
      ])
      const users = await listUsers(ctx)
      expect(users.map((u) => [u.username, u.display_name])).toContainEqual(['agent', '坐席 王芳'])
      expect((await authenticate(ctx, 'auditor', 'grayline-demo')).ok).toBe(true)
      expect(await createDemoUsers(ctx)).toEqual([])
      expect(await listUsers(ctx)).toHaveLength(5)
    })
  })
})
