// Admin: users and API tokens. Every change is audited; disabling a user or revoking a token ends
// their access at once (the credential cache is cleared).
import { z } from 'zod'
import {
  createApiToken,
  createUser,
  listApiTokens,
  listUsers,
  revokeApiToken,
  roles,
  updateUser,
} from '../../access/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { isoTime } from '../query-params.js'

const newUser = z.object({
  username: z.string().trim().min(3).max(64),
  display_name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  password: z.string().min(1).max(200),
})
const userPatch = z
  .object({
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(1).max(200).optional(),
    display_name: z.string().trim().min(1).max(100).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' })
const idParams = z.object({ id: z.string().min(1).max(128) })
const newToken = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  expires_at: isoTime.optional(),
})

export function adminRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit } = deps
  const users = { preHandler: requirePermission('users:manage') }
  const tokens = { preHandler: requirePermission('tokens:manage') }

  app.get('/api/users', { ...users, schema: { tags: ['admin'] } }, async () => ({
    items: await listUsers(ctx),
  }))

  app.post(
    '/api/users',
    { ...users, schema: { body: newUser, tags: ['admin'] } },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const user = await createUser(ctx, request.body)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'user.create',
        target_kind: 'user',
        target_id: user.username,
        detail: { role: user.role },
        ip: request.ip,
      })
      return reply.code(201).send(user)
    },
  )

  app.patch(
    '/api/users/:id',
    { ...users, schema: { params: idParams, body: userPatch, tags: ['admin'] } },
    async (request) => {
      const p = principalOrThrow(request)
      const user = await updateUser(ctx, request.params.id, request.body)
      deps.credentials.invalidateUser(user.user_id)
      const { password, ...changed } = request.body
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'user.update',
        target_kind: 'user',
        target_id: user.username,
        detail: { ...changed, password_reset: password !== undefined },
        ip: request.ip,
      })
      return user
    },
  )

  app.get('/api/tokens', { ...tokens, schema: { tags: ['admin'] } }, async () => ({
    items: await listApiTokens(ctx),
  }))

  app.post(
    '/api/tokens',
    { ...tokens, schema: { body: newToken, tags: ['admin'] } },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const { token, record } = await createApiToken(ctx, {
        name: request.body.name,
        role: request.body.role,
        createdBy: p.name,
        expiresAt: request.body.expires_at ?? null,
      })
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'token.create',
        target_kind: 'token',
        target_id: record.token_id,
        detail: { name: record.name, role: record.role },
        ip: request.ip,
      })
      return reply.code(201).send({ ...record, token })
    },
  )

  app.delete(
    '/api/tokens/:id',
    { ...tokens, schema: { params: idParams, tags: ['admin'] } },
    async (request, reply) => {
      const p = principalOrThrow(request)
      await revokeApiToken(ctx, request.params.id)
      deps.credentials.invalidateUser(request.params.id)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'token.revoke',
        target_kind: 'token',
        target_id: request.params.id,
        ip: request.ip,
      })
      return reply.code(204).send()
    },
  )
}
