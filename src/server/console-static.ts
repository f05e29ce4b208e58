// The built console (dist/console) on the same port as the API; any non-API path that is not a
// file gets index.html (see the problem handlers' fallback) so that console routes survive a reload.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export function consoleBuilt(dir: string | undefined): dir is string {
  return dir !== undefined && existsSync(join(dir, 'index.html'))
}

export async function serveConsole(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: ['index.html'] })
}

export function consoleFallback(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.sendFile('index.html')
}
