// A TAXII 2.1 client for other Grayline installations (or any TAXII 2.1 server): discovery,
// collections, a page of objects, and POST. The remote's peer token goes as a Bearer token; every
// request says Accept: application/taxii+json;version=2.1.
import { z } from 'zod'
import type { StixObject } from '../sharing/stix/stix-objects.js'
import type { TaxiiStatus } from './taxii-inbound.service.js'
import { TAXII_MEDIA } from './taxii-media.js'

export const taxiiRemoteSchema = z.object({
  /** A short name: it keys the pull bookmarks and the sources of what is pulled. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits, dashes'),
  /** The discovery URL, e.g. https://lender-b.example/taxii2/ */
  url: z.url(),
  token: z.string().min(8),
})
export type TaxiiRemote = z.infer<typeof taxiiRemoteSchema>

export class TaxiiRequestError extends Error {
  readonly code = 'taxii_request_failed'
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(`${url} answered ${status}: ${body.slice(0, 300)}`)
  }
}

export type RemoteCollection = { id: string; title?: string; can_read: boolean; can_write: boolean }
export type ObjectsPage = {
  more: boolean
  next?: string
  objects: StixObject[]
  /** X-TAXII-Date-Added-Last: where the next pull starts. */
  dateAddedLast?: string
}

export class TaxiiClient {
  constructor(
    readonly remote: TaxiiRemote,
    private readonly http: typeof fetch = fetch,
  ) {}

  async apiRoots(): Promise<string[]> {
    const d = await this.call<{ api_roots?: string[] }>('GET', this.remote.url)
    return (d.body.api_roots ?? []).map((u) => new URL(u, this.remote.url).toString())
  }

  async collections(rootUrl: string): Promise<RemoteCollection[]> {
    const r = await this.call<{ collections?: RemoteCollection[] }>(
      'GET',
      `${slash(rootUrl)}collections/`,
    )
    return r.body.collections ?? []
  }

  async objects(
    rootUrl: string,
    collectionId: string,
    q: { addedAfter?: string; next?: string; limit: number },
  ): Promise<ObjectsPage> {
    const url = new URL(`${slash(rootUrl)}collections/${encodeURIComponent(collectionId)}/objects/`)
    url.searchParams.set('limit', String(q.limit))
    if (q.addedAfter) url.searchParams.set('added_after', q.addedAfter)
    if (q.next) url.searchParams.set('next', q.next)
    const r = await this.call<{ more?: boolean; next?: string; objects?: StixObject[] }>(
      'GET',
      url.toString(),
    )
    return {
      more: r.body.more === true,
      next: r.body.next,
      objects: r.body.objects ?? [],
      dateAddedLast: r.headers.get('x-taxii-date-added-last') ?? undefined,
    }
  }

  async addObjects(
    rootUrl: string,
    collectionId: string,
    objects: StixObject[],
  ): Promise<TaxiiStatus> {
    const url = `${slash(rootUrl)}collections/${encodeURIComponent(collectionId)}/objects/`
    return (await this.call<TaxiiStatus>('POST', url, { objects })).body
  }

  private async call<T>(method: string, url: string, body?: unknown) {
    const res = await this.http(url, {
      method,
      headers: {
        accept: TAXII_MEDIA,
        authorization: `Bearer ${this.remote.token}`,
        ...(body ? { 'content-type': TAXII_MEDIA } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    if (!res.ok) throw new TaxiiRequestError(res.status, url, text)
    return { body: JSON.parse(text) as T, headers: res.headers }
  }
}

function slash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

/** The API root's name: the last segment of its URL (`…/taxii2/group-east/` → `group-east`). */
export function rootNameOf(rootUrl: string): string {
  return new URL(rootUrl).pathname.split('/').filter(Boolean).pop() ?? ''
}

/** GRAYLINE_TAXII_REMOTES: a JSON array of { name, url, token }. */
export function taxiiRemotesFromEnv(env = process.env): TaxiiRemote[] {
  const raw = env.GRAYLINE_TAXII_REMOTES
  if (!raw) return []
  const parsed = z.array(taxiiRemoteSchema).safeParse(JSON.parse(raw))
  if (!parsed.success)
    throw new Error(
      `GRAYLINE_TAXII_REMOTES: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} — a JSON array of {"name","url","token"}`,
    )
  return parsed.data
}
