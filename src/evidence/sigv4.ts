// AWS Signature Version 4 for S3-compatible stores (AWS, MinIO, OSS/COS in S3 mode): enough to
// sign a PUT, GET or HEAD of one object, without pulling in an SDK.
import { createHash, createHmac } from 'node:crypto'

export type SigningKey = { accessKeyId: string; secretAccessKey: string; region: string }

export type SignedRequest = {
  method: string
  url: URL
  headers: Record<string, string>
  payloadHash: string
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()
export const hexSha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

/** Returns the headers to send: the given ones plus x-amz-date, x-amz-content-sha256 and Authorization. */
export function signV4(r: SignedRequest, key: SigningKey, now: Date): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const day = amzDate.slice(0, 8)
  const headers: Record<string, string> = {
    ...r.headers,
    host: r.url.host,
    'x-amz-content-sha256': r.payloadHash,
    'x-amz-date': amzDate,
  }
  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort()
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim()}\n`).join('')
  const signedHeaders = names.join(';')
  const query = [...r.url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&')
  const canonical = [
    r.method,
    r.url.pathname,
    query,
    canonicalHeaders,
    signedHeaders,
    r.payloadHash,
  ].join('\n')
  const scope = `${day}/${key.region}/s3/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hexSha256(canonical)].join('\n')
  const signingKey = ['s3', 'aws4_request'].reduce(
    (k, part) => hmac(k, part),
    hmac(hmac(`AWS4${key.secretAccessKey}`, day), key.region),
  )
  const signature = createHmac('sha256', signingKey).update(toSign).digest('hex')
  // fetch sets Host itself from the URL.
  const sent = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'host'))
  return {
    ...sent,
    Authorization: `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  }
}
