// Small, fast non-cryptographic hashes shared by the text modules (never for anything secret).

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a over the UTF-16 code units of a string, as an unsigned 32-bit integer. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  }
  return h >>> 0
}

/** FNV-1a over `length` code units of `codes` starting at `start`. */
export function fnv1aCodes(codes: Uint16Array, start: number, length: number): number {
  let h = FNV_OFFSET
  for (let i = start; i < start + length; i++) {
    h = Math.imul(h ^ (codes[i] as number), FNV_PRIME)
  }
  return h >>> 0
}

/** MurmurHash3's finaliser: a bijection on 32 bits, so distinct inputs stay distinct. */
export function fmix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Population count of a 32-bit integer. */
export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}
