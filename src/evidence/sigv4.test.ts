import { describe, expect, it } from 'vitest'
import { S3EvidenceStore } from './s3-evidence-store.js'
import { hexSha256, signV4 } from './sigv4.js'

describe('S3 signature V4', () => {
  it('signs the GET Object example of the S3 documentation to its published signature', () => {
    const headers = signV4(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { range: 'bytes=0-9' },
        payloadHash: hexSha256(''),
      },
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
      },
      new Date('2013-05-24T00:00:00Z'),
    )
    expect(headers.Authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
  })

  it('puts conditionally and reports an existing object instead of replacing it', async () => {
    const seen: { method: string; headers: Record<string, string> }[] = []
    const fake = ((_url: URL, init: RequestInit) => {
      seen.push({ method: String(init.method), headers: init.headers as Record<string, string> })
      return Promise.resolve(new Response(null, { status: seen.length === 1 ? 200 : 412 }))
    }) as unknown as typeof fetch
    const store = new S3EvidenceStore(
      {
        endpoint: 'http://minio:9000',
        bucket: 'b',
        prefix: 'ev/',
        region: 'us-east-1',
        accessKeyId: 'k',
        secretAccessKey: 's',
      },
      fake,
    )
    const bytes = Buffer.from('录音文字稿')
    const sha = hexSha256(bytes)
    expect(await store.put(sha, bytes)).toBe('stored')
    expect(await store.put(sha, bytes)).toBe('exists')
    expect(seen[0]?.headers['if-none-match']).toBe('*')
    await expect(store.put('0'.repeat(64), bytes)).rejects.toThrow(/do not hash/)
  })
})
