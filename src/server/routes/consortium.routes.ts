// The consortium service over HTTP (consortium mode only): the epoch's public key and batch
// evaluation, for members with a peer token. Errors are RFC 9457 problems; 429 with Retry-After
// when the quota or the rate limit is reached.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ConsortiumDeps } from '../../consortium/index.js'
import {
  acceptedEpochs,
  evaluateForMember,
  evaluationRequestSchema,
  QuotaExceededError,
  RateLimitedError,
  toB64,
} from '../../consortium/index.js'
import type { SharingPeer } from '../../sharing/sharing-peers.js'
import type { Api } from '../deps.js'
import { peerOf } from '../peer-auth.js'
import { PROBLEM_BASE } from '../problem.js'

class ConsortiumProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    detail: string,
    readonly retryAfter?: number,
  ) {
    super(detail)
  }
}

export function consortiumRoutes(api: Api, d: ConsortiumDeps): void {
  void api.register((app: Api, _opts, done) => {
    app.setErrorHandler((err: FastifyError, request, reply) => problem(reply, request, err))
    const member = async (request: FastifyRequest): Promise<SharingPeer> => {
      const peer = await peerOf(request, d.ctx)
      if (!peer) throw new ConsortiumProblem(401, 'unauthenticated', 'send a member token')
      return peer
    }

    app.get(
      '/consortium/v1/keys/:epoch',
      { schema: { hide: true, params: z.object({ epoch: z.string().regex(/^\d{4}-\d{2}$/) }) } },
      async (request) => {
        await member(request)
        const open = acceptedEpochs(d.ctx.clock.now())
        if (!open.includes(request.params.epoch))
          throw new ConsortiumProblem(404, 'not-found', `epoch not open (open: ${open.join(', ')})`)
        const key = d.keys.forEpoch(request.params.epoch)
        return { suite: 'ristretto255-SHA512', epoch: key.epoch, public_key: toB64(key.publicKey) }
      },
    )

    app.post(
      '/consortium/v1/evaluate',
      { schema: { hide: true, body: evaluationRequestSchema } },
      async (request) => evaluateForMember(d, await member(request), request.body),
    )
    done()
  })
}

function problem(reply: FastifyReply, request: FastifyRequest, err: FastifyError): FastifyReply {
  const p = asProblem(err)
  if (p.retryAfter !== undefined) void reply.header('retry-after', String(p.retryAfter))
  if (p.status >= 500) request.log.error({ err }, 'consortium evaluation failed')
  return reply
    .code(p.status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_BASE + p.slug,
      title: p.slug,
      status: p.status,
      detail: p.status >= 500 ? 'evaluation failed; the error is in the service log' : p.message,
      instance: request.url.split('?')[0],
    })
}

function asProblem(err: FastifyError): ConsortiumProblem {
  if (err instanceof ConsortiumProblem) return err
  if (err instanceof QuotaExceededError || err instanceof RateLimitedError)
    return new ConsortiumProblem(429, err.code, err.message, err.retryAfterSeconds)
  if ('code' in err && err.code === 'epoch_not_open')
    return new ConsortiumProblem(400, 'validation', err.message)
  if (err.validation || (err.statusCode && err.statusCode < 500))
    return new ConsortiumProblem(400, 'validation', err.message)
  // noble rejects a blinded element that is not a valid ristretto255 encoding.
  if (/point|encoding|invalid/i.test(err.message))
    return new ConsortiumProblem(400, 'validation', 'a blinded element is not a group element')
  return new ConsortiumProblem(500, 'internal', err.message)
}
