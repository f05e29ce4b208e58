// TAXII 2.1 for other institutions (sharing peers with a `gls_…` token): discovery, API roots,
// collections, objects with paging and filters, manifest, versions, POST with status resources.
// Every answer is application/taxii+json;version=2.1 and every error a TAXII error message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AuditLog } from '../../audit/index.js'
import type { Context } from '../../context.js'
import type { SharingPeer } from '../../sharing/sharing-peers.js'
import type { StixValidator } from '../../sharing/stix/stix-validator.js'
import { receiveObjects, statusFor } from '../../taxii/taxii-inbound.service.js'
import {
  acceptsTaxii,
  isTaxiiContentType,
  STIX_MEDIA,
  TAXII_MEDIA,
  TaxiiError,
} from '../../taxii/taxii-media.js'
import type { ObjectPage } from '../../taxii/taxii-objects.repository.js'
import { dateAddedHeaders, pageObjects } from '../../taxii/taxii-objects.repository.js'
import { parseTaxiiQuery } from '../../taxii/taxii-query.js'
import type { VersionMatch } from '../../taxii/taxii-query.js'
import {
  apiRootInfo,
  collectionOf,
  discovery,
  MAX_CONTENT_LENGTH,
  requireCollection,
  requireRoot,
} from '../../taxii/taxii-roots.js'
import type { Api } from '../deps.js'
import { peerOf } from '../peer-auth.js'

export type TaxiiDeps = {
  ctx: Context
  audit: AuditLog
  validator: StixValidator
  /** This installation's name, in the discovery title. */
  installation: string
}

const rootParams = z.object({ root: z.string().max(200) })
const collectionParams = rootParams.extend({ id: z.string().max(200) })
const objectParams = collectionParams.extend({ objectId: z.string().max(200) })
const statusParams = rootParams.extend({ statusId: z.string().max(100) })
const hidden = { hide: true }

export function taxiiRoutes(api: Api, d: TaxiiDeps): void {
  void api.register(
    (app: Api, _opts, done) => {
      app.setErrorHandler((err: FastifyError, request, reply) => taxiiError(reply, request, err))
      app.setNotFoundHandler((request, reply) =>
        taxiiError(
          reply,
          request,
          new TaxiiError(404, 'Not found', `no TAXII resource ${request.url.split('?')[0]}`),
        ),
      )
      app.addContentTypeParser(
        'application/taxii+json',
        { parseAs: 'string', bodyLimit: MAX_CONTENT_LENGTH },
        (_req, body, parsed) => {
          try {
            parsed(null, JSON.parse(body as string))
          } catch {
            parsed(new TaxiiError(400, 'Bad request', 'the body is not JSON'), undefined)
          }
        },
      )
      app.addHook('onRequest', (request, _reply, next) => {
        if (acceptsTaxii(request.headers.accept)) next()
        else next(new TaxiiError(406, 'Not acceptable', `send "Accept: ${TAXII_MEDIA}"`))
      })
      const send = (reply: FastifyReply, body: unknown, headers: Record<string, string> = {}) =>
        taxiiBody(reply.code(200).headers(headers), body)

      app.get('/', { schema: hidden }, async (request, reply) =>
        send(
          reply,
          discovery(
            await peerFor(request),
            `${request.protocol}://${request.host}`,
            d.installation,
          ),
        ),
      )
      app.get('/:root/', { schema: { ...hidden, params: rootParams } }, async (request, reply) =>
        send(reply, apiRootInfo(requireRoot(await peerFor(request), request.params.root))),
      )
      app.get(
        '/:root/status/:statusId/',
        { schema: { ...hidden, params: statusParams } },
        async (request, reply) => {
          const peer = await peerFor(request)
          const root = requireRoot(peer, request.params.root)
          return send(reply, await statusFor(d.ctx, peer, root, request.params.statusId))
        },
      )
      app.get(
        '/:root/collections/',
        { schema: { ...hidden, params: rootParams } },
        async (request, reply) => {
          const root = requireRoot(await peerFor(request), request.params.root)
          return send(reply, { collections: [collectionOf(root)] })
        },
      )
      app.get(
        '/:root/collections/:id/',
        { schema: { ...hidden, params: collectionParams } },
        async (request, reply) => {
          const root = requireRoot(await peerFor(request), request.params.root)
          return send(reply, requireCollection(root, request.params.id))
        },
      )
      app.get(
        '/:root/collections/:id/objects/',
        { schema: { ...hidden, params: collectionParams } },
        async (request, reply) => {
          const page = await readPage(request, request.params, {})
          return send(reply, envelope(page), dateAddedHeaders(page.rows))
        },
      )
      app.get(
        '/:root/collections/:id/manifest/',
        { schema: { ...hidden, params: collectionParams } },
        async (request, reply) => {
          const page = await readPage(request, request.params, {})
          const objects = page.rows.map((r) => ({
            id: r.object_id,
            date_added: r.date_added,
            version: r.version,
            media_type: STIX_MEDIA,
          }))
          return send(
            reply,
            { more: page.more, ...(page.next ? { next: page.next } : {}), objects },
            dateAddedHeaders(page.rows),
          )
        },
      )
      app.get(
        '/:root/collections/:id/objects/:objectId/',
        { schema: { ...hidden, params: objectParams } },
        async (request, reply) => {
          const page = await readPage(request, request.params, { id: request.params.objectId })
          if (!page.rows.length)
            throw new TaxiiError(404, 'Not found', `no object ${request.params.objectId}`)
          return send(reply, envelope(page), dateAddedHeaders(page.rows))
        },
      )
      app.get(
        '/:root/collections/:id/objects/:objectId/versions/',
        { schema: { ...hidden, params: objectParams } },
        async (request, reply) => {
          const page = await readPage(request, request.params, {
            id: request.params.objectId,
            version: 'all',
          })
          if (!page.rows.length)
            throw new TaxiiError(404, 'Not found', `no object ${request.params.objectId}`)
          const versions = page.rows.map((r) => r.version)
          return send(
            reply,
            { more: page.more, ...(page.next ? { next: page.next } : {}), versions },
            dateAddedHeaders(page.rows),
          )
        },
      )
      app.post(
        '/:root/collections/:id/objects/',
        { schema: { ...hidden, params: collectionParams } },
        async (request, reply) => {
          if (!isTaxiiContentType(request.headers['content-type']))
            throw new TaxiiError(
              415,
              'Unsupported media type',
              `send "Content-Type: ${TAXII_MEDIA}"`,
            )
          const peer = await peerFor(request)
          const root = requireRoot(peer, request.params.root)
          requireCollection(root, request.params.id)
          const status = await receiveObjects(d, peer, root, request.body)
          return taxiiBody(reply.code(202), status)
        },
      )
      done()
    },
    { prefix: '/taxii2' },
  )

  /** Objects of a collection the peer may read, filtered and paged; the read is audited. */
  async function readPage(
    request: FastifyRequest,
    params: { root: string; id: string },
    fixed: { id?: string; version?: VersionMatch['kind'] },
  ): Promise<ObjectPage> {
    const peer = await peerFor(request)
    const root = requireRoot(peer, params.root)
    const collection = requireCollection(root, params.id)
    const q = parseTaxiiQuery(request.query, fixed.version)
    if (fixed.id) q.ids = [fixed.id]
    const page = await pageObjects(d.ctx.db, collection.id, q)
    d.audit.record({
      actor: `peer:${peer.peerId}`,
      action: 'taxii.objects.read',
      target_kind: 'taxii_collection',
      target_id: collection.id,
      detail: { returned: page.rows.length, added_after: q.addedAfter ?? null, more: page.more },
    })
    return page
  }

  async function peerFor(request: FastifyRequest): Promise<SharingPeer> {
    const peer = await peerOf(request, d.ctx)
    if (!peer)
      throw new TaxiiError(
        401,
        'Unauthorized',
        'send a peer token as "Authorization: Bearer gls_…"',
      )
    return peer
  }
}

function envelope(page: ObjectPage) {
  if (!page.rows.length) return { more: false }
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    objects: page.rows.map((r) => JSON.parse(r.object) as unknown),
  }
}

function taxiiError(reply: FastifyReply, request: FastifyRequest, err: FastifyError | TaxiiError) {
  const e = asTaxiiError(err)
  if (e.status >= 500) request.log.error({ err }, 'TAXII request failed')
  return taxiiBody(reply.code(e.status), e.body())
}

function asTaxiiError(err: FastifyError | TaxiiError): TaxiiError {
  if (err instanceof TaxiiError) return err
  if (err.statusCode === 413) return new TaxiiError(413, 'Request too large', err.message)
  if (err.statusCode === 415)
    return new TaxiiError(415, 'Unsupported media type', `send "Content-Type: ${TAXII_MEDIA}"`)
  if (err.validation || (err.statusCode && err.statusCode < 500))
    return new TaxiiError(400, 'Bad request', err.message)
  return new TaxiiError(500, 'Internal error', 'the error is in the server log')
}

/** Sent as bytes: Fastify would otherwise rewrite the media type (quotes, a charset parameter). */
function taxiiBody(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.header('content-type', TAXII_MEDIA).send(Buffer.from(JSON.stringify(body)))
}
