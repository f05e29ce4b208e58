// Another institution calling: a peer API token (`gls_…`) in the Authorization header. Used by the
// consortium and TAXII routes, which serve peers, not this installation's users.
import type { FastifyRequest } from 'fastify'
import type { Context } from '../context.js'
import type { SharingPeer } from '../sharing/sharing-peers.js'
import { resolvePeer } from '../sharing/sharing-peers.js'

export async function peerOf(request: FastifyRequest, ctx: Context): Promise<SharingPeer | null> {
  const auth = request.headers.authorization
  if (!auth?.startsWith('Bearer ')) return null
  return resolvePeer(ctx, auth.slice(7).trim())
}
