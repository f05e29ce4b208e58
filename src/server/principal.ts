// Who is calling: a person with a session cookie, or an integration with an API token. Resolved
// once per request; routes then say which permission they need.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Permission, Role, CredentialCache } from '../access/index.js'
import { can, resolveApiToken, resolveSession } from '../access/index.js'
import type { Context } from '../context.js'
import { HttpProblem } from './problem.js'

export type Principal = {
  kind: 'user' | 'token'
  /** user_id or token_id */
  id: string
  /** username, or `token:<name>` — what the audit log names as the actor. */
  name: string
  display_name: string
  role: Role
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
}

export const SESSION_COOKIE = 'grayline_session'

export function installPrincipal(app: FastifyInstance, ctx: Context, cache: CredentialCache): void {
  app.decorateRequest('principal', null)
  // A callback hook: a credential found in the cache (nearly every request) costs no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done()
    const credential = credentialOf(request)
    if (!credential) {
      request.principal = null
      return done()
    }
    const known = cache.peek<Principal>(credential.value)
    if (known) {
      request.principal = known
      return done()
    }
    principalOf(credential, ctx, cache).then((p) => {
      request.principal = p
      done()
    }, done)
  })
}

type Credential = { kind: 'token' | 'session'; value: string }

/** An API token (`Authorization: Bearer …`) before a session cookie. */
function credentialOf(request: FastifyRequest): Credential | null {
  const auth = request.headers.authorization
  if (auth?.startsWith('Bearer ')) return { kind: 'token', value: auth.slice(7).trim() }
  const session = request.cookies[SESSION_COOKIE]
  return session ? { kind: 'session', value: session } : null
}

async function principalOf(
  { kind, value }: Credential,
  ctx: Context,
  cache: CredentialCache,
): Promise<Principal | null> {
  if (kind === 'token')
    return cache.get(value, async () => {
      const t = await resolveApiToken(ctx, value)
      return t
        ? {
            principal: {
              kind: 'token',
              id: t.token_id,
              name: `token:${t.name}`,
              display_name: t.name,
              role: t.role,
            },
            userId: t.token_id,
          }
        : null
    })
  return cache.get(value, async () => {
    const s = await resolveSession(ctx, value)
    return s
      ? {
          principal: {
            kind: 'user',
            id: s.user.user_id,
            name: s.user.username,
            display_name: s.user.display_name,
            role: s.user.role,
          },
          userId: s.user.user_id,
        }
      : null
  })
}

/**
 * A preHandler: 401 without credentials, 403 without the permission. A callback hook: every API
 * request runs one, and an async hook cost a promise and its ticks each time.
 */
export function requirePermission(permission: Permission) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (e?: Error) => void): void => {
    const p = request.principal
    if (!p)
      return done(
        new HttpProblem(
          'unauthenticated',
          'log in, or send an API token as "Authorization: Bearer glt_…"',
        ),
      )
    if (!can(p.role, permission))
      return done(
        new HttpProblem(
          'forbidden',
          `the ${p.role} role does not have the ${permission} permission`,
        ),
      )
    done()
  }
}

export function principalOrThrow(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpProblem('unauthenticated', 'log in first')
  return request.principal
}
