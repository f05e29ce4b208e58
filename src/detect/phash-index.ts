// Near-same images by perceptual hash: 64-bit hashes within a small Hamming distance. Split into
// 8 bytes; two hashes within distance d < 8 share at least one byte exactly (pigeonhole), so each
// byte position is a bucket and only bucket-mates are compared. Hashes are kept as two 32-bit
// halves (BigInt arithmetic is far slower), and answers are cached until the next add.
export const DEFAULT_PHASH_DISTANCE = 6

export type PhashMatch = { owner: number; distance: number }

export class PhashIndex {
  private readonly buckets = new Map<number, number[]>()
  private readonly hi: number[] = []
  private readonly lo: number[] = []
  private readonly owners: number[] = []
  private cache = new Map<string, PhashMatch[]>()

  add(phashHex: string, owner: number): void {
    const h = parse(phashHex)
    if (!h) return
    const id = this.owners.length
    this.hi.push(h[0])
    this.lo.push(h[1])
    this.owners.push(owner)
    for (const key of bucketKeys(h[0], h[1])) {
      const list = this.buckets.get(key)
      if (list) list.push(id)
      else this.buckets.set(key, [id])
    }
    if (this.cache.size) this.cache = new Map()
  }

  /** Owners of stored hashes within `maxDistance` of this one (the owner itself included). */
  near(phashHex: string, maxDistance = DEFAULT_PHASH_DISTANCE): PhashMatch[] {
    const cacheKey = `${phashHex}/${maxDistance}`
    const cached = this.cache.get(cacheKey)
    if (cached) return cached
    const h = parse(phashHex)
    const out: PhashMatch[] = []
    if (h) {
      const seen = new Set<number>()
      for (const key of bucketKeys(h[0], h[1])) {
        for (const id of this.buckets.get(key) ?? []) {
          if (seen.has(id)) continue
          seen.add(id)
          const d = popcount(h[0] ^ (this.hi[id] ?? 0)) + popcount(h[1] ^ (this.lo[id] ?? 0))
          if (d <= maxDistance) out.push({ owner: this.owners[id] ?? -1, distance: d })
        }
      }
    }
    this.cache.set(cacheKey, out)
    return out
  }
}

function parse(hex: string): [number, number] | null {
  if (!/^[0-9a-f]{1,16}$/i.test(hex)) return null
  const padded = hex.padStart(16, '0')
  return [parseInt(padded.slice(0, 8), 16) >>> 0, parseInt(padded.slice(8), 16) >>> 0]
}

function bucketKeys(hi: number, lo: number): number[] {
  const keys: number[] = []
  for (let i = 0; i < 4; i++) keys.push((i << 8) | ((hi >>> (i * 8)) & 0xff))
  for (let i = 0; i < 4; i++) keys.push(((i + 4) << 8) | ((lo >>> (i * 8)) & 0xff))
  return keys
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
