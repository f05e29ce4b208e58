// Password login to an HTTP-only session cookie, logout, and who am I.
import { z } from 'zod'
import { authenticate, createSession, permissionsOf, revokeSession } from '../../access/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { SESSION_COOKIE, principalOrThrow } from '../principal.js'
import { HttpProblem } from '../problem.js'

const loginBody = z.object({
  username: z.string().trim().min(1, { message: 'must not be empty' }).max(64),
  password: z.string().min(1, { message: 'must not be empty' }).max(200),
})

export function authRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit } = deps
  app.post(
    '/api/auth/login',
    { schema: { body: loginBody, tags: ['auth'] } },
    async (request, reply) => {
      const { username, password } = request.body
      const result = await authenticate(ctx, username, password)
      if (!result.ok) {
        audit.record({
          actor: username.toLowerCase(),
          action: 'auth.login',
          ip: request.ip,
          outcome: 'denied',
          detail: { reason: result.reason },
        })
        if (result.reason === 'locked') {
          const minutes = Math.ceil((result.retryAfterSeconds ?? 900) / 60)
          reply.header('Retry-After', String(result.retryAfterSeconds ?? 900))
          throw new HttpProblem(
            'locked',
            `too many failed attempts: try again in ${minutes} minutes or ask an admin to unlock the account`,
            { retry_after: result.retryAfterSeconds ?? 900 },
          )
        }
        throw new HttpProblem(
          'unauthenticated',
          result.reason === 'disabled'
            ? 'this account is disabled: ask an admin'
            : 'wrong username or password',
        )
      }
      const session = await createSession(ctx, result.user.user_id, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      })
      audit.record({
        actor: result.user.username,
        actor_role: result.user.role,
        action: 'auth.login',
        ip: request.ip,
      })
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
        expires: new Date(session.expiresAt),
      })
      return { user: result.user, permissions: permissionsOf(result.user.role) }
    },
  )

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token) {
      await revokeSession(ctx, token)
      deps.credentials.invalidate(token)
      if (request.principal)
        audit.record({
          actor: request.principal.name,
          actor_role: request.principal.role,
          action: 'auth.logout',
          ip: request.ip,
        })
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.code(204).send()
  })

  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, (request) => {
    const p = principalOrThrow(request)
    return {
      user: {
        user_id: p.id,
        username: p.name,
        display_name: p.display_name,
        role: p.role,
        kind: p.kind,
      },
      permissions: permissionsOf(p.role),
    }
  })
}
