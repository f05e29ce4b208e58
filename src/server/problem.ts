// RFC 9457 problem details: every error the API returns, with the field at fault when there is one.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod'

export const problemTypes = {
  validation: { status: 400, title: 'Request is not valid' },
  unauthenticated: { status: 401, title: 'Log in first' },
  forbidden: { status: 403, title: 'Your role may not do this' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflicts with what exists' },
  'too-large': { status: 413, title: 'Upload too large' },
  locked: { status: 423, title: 'Account locked' },
  internal: { status: 500, title: 'Internal error' },
} as const
export type ProblemType = keyof typeof problemTypes

export type FieldError = { field: string; message: string }

export const PROBLEM_BASE = 'https://grayline.dev/problems/'

export class HttpProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retry_after?: number } = {},
  ) {
    super(detail)
  }
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  type: ProblemType,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const { status, title } = problemTypes[type]
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_BASE + type,
      title,
      status,
      detail,
      instance: request.url.split('?')[0],
      ...extra,
    })
}

/** Domain errors carry a `code` (validation, not_found, conflict) and sometimes a `field`. */
function domainProblem(e: unknown): { type: ProblemType; field?: string } | null {
  if (typeof e !== 'object' || e === null || !('code' in e)) return null
  const code = e.code
  const field = 'field' in e && typeof e.field === 'string' ? e.field : undefined
  if (code === 'validation') return { type: 'validation', field }
  if (code === 'not_found') return { type: 'not-found', field }
  if (code === 'conflict') return { type: 'conflict', field }
  return null
}

/** `fallback` answers GETs outside /api (the console's own routes) instead of a 404 problem. */
export function installProblemHandlers(
  app: FastifyInstance,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply,
  /** Where an unhandled error goes besides Fastify's logger (which `grayline serve` leaves off). */
  logInternal?: (line: string) => void,
): void {
  app.setNotFoundHandler((request, reply) => {
    if (fallback && request.method === 'GET' && !request.url.startsWith('/api/'))
      return fallback(request, reply)
    return sendProblem(
      reply,
      request,
      'not-found',
      `no route ${request.method} ${request.url.split('?')[0]}`,
    )
  })
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem)
      return sendProblem(reply, request, error.type, error.detail, error.extra)
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: fieldOf(v.instancePath, error.validationContext),
        message: v.message ?? 'invalid',
      }))
      return sendProblem(
        reply,
        request,
        'validation',
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        { errors },
      )
    }
    const domain = domainProblem(error)
    if (domain) {
      const errors = domain.field ? [{ field: domain.field, message: error.message }] : undefined
      return sendProblem(reply, request, domain.type, error.message, errors ? { errors } : {})
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE')
      return sendProblem(reply, request, 'too-large', error.message)
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendProblem(reply, request, 'validation', error.message)
    const badResponse = isResponseSerializationError(error)
    const cause = badResponse ? error.cause : error
    request.log.error(
      { err: cause },
      badResponse ? 'response did not match its schema' : 'unhandled error',
    )
    logInternal?.(
      `${request.method} ${request.url.split('?')[0]}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    )
    return sendProblem(
      reply,
      request,
      'internal',
      'something went wrong on the server; the error is in its log',
    )
  })
}

function fieldOf(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.')
  if (path) return path
  return context === 'body' ? '(body)' : `(${context ?? 'request'})`
}
