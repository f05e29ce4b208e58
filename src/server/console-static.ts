// The built console (dist/console) on the same port as the API; any non-API path that is not a
// file gets index.html so that the console's own routes survive a reload.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from './problem.js'

export async function serveConsole(app: FastifyInstance, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: ['index.html'] })
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET')
      return sendProblem(
        reply,
        request,
        'not-found',
        `no route ${request.method} ${request.url.split('?')[0]}`,
      )
    return reply.sendFile('index.html')
  })
  return true
}
