// Watchlists from the console: list, add (a raw value or an identifier ref from a contact),
// change, expire, history. Entry keys contain the identifier, so they travel as opaque refs.
import { z } from 'zod'
import { watchlistKinds } from '../../contract/index.js'
import { splitIdentifierKey } from '../../links/identifier.js'
import { maskIdentifier } from '../../privacy/index.js'
import type { WatchlistItem, WatchlistVersion } from '../../watchlist/index.js'
import {
  addWatchlistEntry,
  expireWatchlistEntry,
  listWatchlist,
  updateWatchlistEntry,
  watchlistHistory,
} from '../../watchlist/index.js'
import type { Api, ServerDeps } from '../deps.js'
import type { IdentifierRefs } from '../identifier-ref.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'
import { booleanFlag, isoTime, pageLimit } from '../query-params.js'

const listQuery = z.object({
  kind: z.enum(watchlistKinds).optional(),
  q: z.string().max(200).optional(),
  include_expired: booleanFlag,
  cursor: z.string().max(500).optional(),
  limit: pageLimit(200),
})
const newEntry = z
  .object({
    kind: z.enum(watchlistKinds).optional(),
    value: z.string().trim().min(1).max(2000).optional(),
    ref: z.string().max(2000).optional(),
    label: z.string().trim().min(1, { message: 'must not be empty' }).max(500),
    reason: z.string().trim().min(1, { message: 'say why it is listed' }).max(2000),
    expires_at: isoTime.optional(),
  })
  .refine((b) => b.ref !== undefined || (b.kind !== undefined && b.value !== undefined), {
    message: 'give either ref, or kind and value',
    path: ['value'],
  })
const patch = z.object({
  label: z.string().trim().min(1).max(500).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  expires_at: isoTime.nullable().optional(),
})
const keyParams = z.object({ key: z.string().min(4).max(4000) })
const expireBody = z.object({ reason: z.string().trim().min(1, { message: 'say why' }).max(2000) })

/** Identifier kinds that can be listed, by the watchlist kind that lists them. */
const KIND_OF_IDENTIFIER: Record<string, (typeof watchlistKinds)[number]> = {
  phone: 'phone',
  id_number: 'id_number',
  email: 'email',
  wechat: 'wechat',
  organization: 'organization',
  device: 'device_id',
  ip: 'ip',
}

export function watchlistRoutes(app: Api, deps: ServerDeps): void {
  const { ctx, audit, refs } = deps
  const show = (i: WatchlistItem) => presentItem(i, refs)
  const keyOf = (ref: string) => {
    const key = refs.resolve(ref)
    if (!key) throw new HttpProblem('not-found', 'no such watchlist entry')
    return key
  }

  app.get(
    '/api/watchlist',
    {
      schema: { querystring: listQuery, tags: ['watchlist'] },
      preHandler: requirePermission('watchlist:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const q = request.query
      const page = await listWatchlist(ctx, {
        kind: q.kind,
        q: q.q,
        includeExpired: q.include_expired,
        cursor: q.cursor,
        limit: q.limit,
      })
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'watchlist.list',
        detail: { kind: q.kind, searched: q.q !== undefined, returned: page.items.length },
        ip: request.ip,
      })
      return { items: page.items.map(show), next_cursor: page.next_cursor }
    },
  )

  app.post(
    '/api/watchlist',
    {
      schema: { body: newEntry, tags: ['watchlist'] },
      preHandler: requirePermission('watchlist:write'),
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const b = request.body
      let kind = b.kind
      let value = b.value
      if (b.ref !== undefined) {
        const identifier = refs.resolve(b.ref)
        if (!identifier)
          throw new HttpProblem('validation', 'ref: not a reference this installation made', {
            errors: [{ field: 'ref', message: 'unknown reference' }],
          })
        const split = splitIdentifierKey(identifier)
        kind = KIND_OF_IDENTIFIER[split.kind]
        if (!kind)
          throw new HttpProblem('validation', `ref: a ${split.kind} cannot be listed`, {
            errors: [{ field: 'ref', message: 'kind cannot be listed' }],
          })
        value = split.value
      }
      const item = await addWatchlistEntry(
        ctx,
        {
          kind: kind!,
          value: value!,
          label: b.label,
          reason: b.reason,
          expires_at: b.expires_at ?? null,
        },
        p.name,
      )
      await deps.live.exclusive(() => deps.live.reloadWatchlist())
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'watchlist.add',
        target_kind: 'watchlist',
        target_id: refs.ref(item.entry_key),
        detail: { kind: item.kind, label: item.label, reason: b.reason },
        ip: request.ip,
      })
      return reply.code(201).send(show(item))
    },
  )

  app.patch(
    '/api/watchlist/:key',
    {
      schema: { params: keyParams, body: patch, tags: ['watchlist'] },
      preHandler: requirePermission('watchlist:write'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const item = await updateWatchlistEntry(ctx, keyOf(request.params.key), request.body, p.name)
      await deps.live.exclusive(() => deps.live.reloadWatchlist())
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'watchlist.update',
        target_kind: 'watchlist',
        target_id: request.params.key,
        detail: { ...request.body },
        ip: request.ip,
      })
      return show(item)
    },
  )

  app.delete(
    '/api/watchlist/:key',
    {
      schema: { params: keyParams, body: expireBody, tags: ['watchlist'] },
      preHandler: requirePermission('watchlist:write'),
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      await expireWatchlistEntry(ctx, keyOf(request.params.key), request.body.reason, p.name)
      await deps.live.exclusive(() => deps.live.reloadWatchlist())
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'watchlist.expire',
        target_kind: 'watchlist',
        target_id: request.params.key,
        detail: { reason: request.body.reason },
        ip: request.ip,
      })
      return reply.code(204).send()
    },
  )

  app.get(
    '/api/watchlist/:key/history',
    {
      schema: { params: keyParams, tags: ['watchlist'] },
      preHandler: requirePermission('watchlist:read'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const versions = await watchlistHistory(ctx, keyOf(request.params.key))
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'watchlist.history',
        target_kind: 'watchlist',
        target_id: request.params.key,
        ip: request.ip,
      })
      return { items: versions.map((v) => presentVersion(v, refs)) }
    },
  )
}

function presentItem(i: WatchlistItem, refs: IdentifierRefs) {
  return {
    ...i,
    entry_key: refs.ref(i.entry_key),
    value: maskedValue(i.identifier),
    identifier: maskIdentifier(i.identifier),
    identifier_ref: refs.ref(i.identifier),
  }
}

function presentVersion(v: WatchlistVersion, refs: IdentifierRefs) {
  return {
    ...v,
    entry_key: refs.ref(v.entry_key),
    value: maskedValue(v.identifier),
    identifier: maskIdentifier(v.identifier),
  }
}

/** The listed value as its normalised identifier, masked like every identifier. */
function maskedValue(identifier: string): string {
  const masked = maskIdentifier(identifier)
  return masked.slice(masked.indexOf(':') + 1)
}
