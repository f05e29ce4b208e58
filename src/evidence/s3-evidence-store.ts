// Evidence in an S3-compatible bucket, keyed by sha256. A conditional PUT (If-None-Match: *) makes
// the store itself refuse to replace an object that exists.
import type { EvidenceStore, PutResult } from './evidence-store.js'
import { assertSha256, sha256Of } from './evidence-store.js'
import { hexSha256, signV4 } from './sigv4.js'

export type S3Config = {
  endpoint: string
  bucket: string
  prefix: string
  region: string
  accessKeyId: string
  secretAccessKey: string
}

export class S3EvidenceStore implements EvidenceStore {
  readonly location: string

  constructor(
    private readonly c: S3Config,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.location = `s3:${c.bucket}/${c.prefix}`
  }

  private urlOf(sha256: string): URL {
    assertSha256(sha256)
    return new URL(
      `${this.c.endpoint.replace(/\/$/, '')}/${this.c.bucket}/${this.c.prefix}${sha256}`,
    )
  }

  private send(method: string, sha256: string, body?: Buffer, extra: Record<string, string> = {}) {
    const url = this.urlOf(sha256)
    const payloadHash = body ? hexSha256(body) : hexSha256('')
    const headers = signV4({ method, url, headers: extra, payloadHash }, this.c, new Date())
    return this.fetchFn(url, { method, headers, body: body ? new Uint8Array(body) : undefined })
  }

  async put(sha256: string, bytes: Buffer): Promise<PutResult> {
    if (sha256Of(bytes) !== sha256) throw new Error('the bytes do not hash to the name given')
    const r = await this.send('PUT', sha256, bytes, {
      'if-none-match': '*',
      'content-type': 'application/octet-stream',
    })
    if (r.status === 412 || r.status === 409) return 'exists'
    if (!r.ok) throw new Error(`S3 PUT ${sha256}: ${r.status} ${await r.text()}`)
    return 'stored'
  }

  async get(sha256: string): Promise<Buffer | null> {
    const r = await this.send('GET', sha256)
    if (r.status === 404) return null
    if (!r.ok) throw new Error(`S3 GET ${sha256}: ${r.status} ${await r.text()}`)
    return Buffer.from(await r.arrayBuffer())
  }
}
