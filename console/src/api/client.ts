// One fetch wrapper for the whole console: JSON in and out, the session cookie included, and
// RFC 9457 problem+json turned into an ApiError the pages can show.

export type FieldError = { field: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
    readonly type?: string,
    readonly retryAfter?: number,
  ) {
    super(detail ?? title)
    this.name = 'ApiError'
  }
}

type Query = Record<string, string | number | boolean | null | undefined | string[]>

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Query
  body?: unknown
  signal?: AbortSignal
}

let unauthorizedHandler: (() => void) | null = null

/** The app registers how a 401 sends the user back to the login page. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler
}

export function buildQuery(query: Query | undefined): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value == null || value === '') continue
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','))
    } else params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const form = opts.body instanceof FormData ? opts.body : null
  const res = await fetch(`/api${path}${buildQuery(opts.query)}`, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    credentials: 'include',
    signal: opts.signal,
    headers: {
      Accept: 'application/json, application/problem+json',
      // A multipart body sets its own Content-Type with the boundary.
      ...(opts.body !== undefined && !form ? { 'Content-Type': 'application/json' } : {}),
    },
    body: form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  })
  if (!res.ok) throw await toApiError(res, path)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

async function toApiError(res: Response, path: string): Promise<ApiError> {
  // The login call itself answers 401 for a wrong password: that is not an expired session.
  if (res.status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.()
  let problem: Record<string, unknown> = {}
  try {
    problem = (await res.json()) as Record<string, unknown>
  } catch {
    // A proxy error page or an empty body: status and status text still say enough.
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const errors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : []
  const retry = typeof problem.retry_after === 'number' ? problem.retry_after : undefined
  return new ApiError(
    res.status,
    str(problem.title) ?? res.statusText,
    str(problem.detail),
    errors,
    str(problem.type),
    retry ?? (Number(res.headers.get('retry-after')) || undefined),
  )
}

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status)
}
