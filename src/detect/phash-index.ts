// Near-same images by perceptual hash: 64-bit hashes within a small Hamming distance. Split into
// 8 bytes; two hashes within distance d < 8 share at least one byte exactly (pigeonhole), so each
// byte position is a bucket and only bucket-mates are compared.
export const DEFAULT_PHASH_DISTANCE = 6

export class PhashIndex {
  private readonly buckets = new Map<string, number[]>()
  private readonly hashes: bigint[] = []
  private readonly owners: number[] = []

  add(phashHex: string, owner: number): void {
    const h = parse(phashHex)
    if (h === null) return
    const id = this.hashes.length
    this.hashes.push(h)
    this.owners.push(owner)
    for (const key of bucketKeys(h)) {
      const list = this.buckets.get(key)
      if (list) list.push(id)
      else this.buckets.set(key, [id])
    }
  }

  /** Owners of stored hashes within `maxDistance` of this one (the owner itself included). */
  near(
    phashHex: string,
    maxDistance = DEFAULT_PHASH_DISTANCE,
  ): { owner: number; distance: number }[] {
    const h = parse(phashHex)
    if (h === null) return []
    const seen = new Set<number>()
    const out: { owner: number; distance: number }[] = []
    for (const key of bucketKeys(h)) {
      for (const id of this.buckets.get(key) ?? []) {
        if (seen.has(id)) continue
        seen.add(id)
        const d = hamming(h, this.hashes[id] ?? 0n)
        if (d <= maxDistance) out.push({ owner: this.owners[id] ?? -1, distance: d })
      }
    }
    return out
  }
}

function parse(hex: string): bigint | null {
  if (!/^[0-9a-f]{1,16}$/i.test(hex)) return null
  return BigInt(`0x${hex}`)
}

function bucketKeys(h: bigint): string[] {
  const keys: string[] = []
  for (let i = 0; i < 8; i++) keys.push(`${i}:${Number((h >> BigInt(i * 8)) & 0xffn)}`)
  return keys
}

function hamming(a: bigint, b: bigint): number {
  let x = a ^ b
  let n = 0
  while (x) {
    x &= x - 1n
    n++
  }
  return n
}
