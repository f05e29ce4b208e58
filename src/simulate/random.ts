// Seeded randomness for the simulator: sfc32 seeded by a 128-bit string hash, so any
// (seed, entity, index) tuple gets its own reproducible stream and generation order never matters.

/** cyrb128: four 32-bit words from a string, enough to seed sfc32 without correlated streams. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

export type WeightTable<T> = { items: readonly T[]; cumulative: Float64Array }

/** Precomputes a weighted choice; use with `Rng.fromTable` on hot paths. */
export function weightTable<T>(entries: readonly (readonly [T, number])[]): WeightTable<T> {
  const cumulative = new Float64Array(entries.length)
  let total = 0
  entries.forEach(([, w], i) => {
    total += Math.max(0, w)
    cumulative[i] = total
  })
  if (total <= 0) throw new RangeError('weightTable needs a positive weight')
  for (let i = 0; i < cumulative.length; i++) cumulative[i] = (cumulative[i] ?? 0) / total
  return { items: entries.map(([item]) => item), cumulative }
}

export function tableOf<K extends string>(
  weights: Readonly<Partial<Record<K, number>>>,
): WeightTable<K> {
  return weightTable(Object.entries(weights).map(([k, w]) => [k as K, Number(w ?? 0)] as const))
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(...key: readonly (string | number)[]) {
    ;[this.a, this.b, this.c, this.d] = hash128(key.join('\u0001'))
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  fromTable<T>(table: WeightTable<T>): T {
    const u = this.next()
    const cum = table.cumulative
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((cum[mid] ?? 1) > u) hi = mid
      else lo = mid + 1
    }
    return table.items[lo] as T
  }

  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    return this.fromTable(tableOf(weights))
  }

  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next()
    const v = this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Log-normal with the given median and spread (sd of the log). */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma))
  }

  /** Pareto (power law) truncated to [min, max]: heavy-tailed sizes. */
  pareto(min: number, max: number, alpha: number): number {
    const u = this.next()
    const lowTail = Math.pow(min / max, alpha)
    return min / Math.pow(1 - u * (1 - lowTail), 1 / alpha)
  }

  /** Number of failures before a success: mean (1 - p) / p. */
  geometric(p: number): number {
    if (p >= 1) return 0
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p))
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const tmp = items[i] as T
      items[i] = items[j] as T
      items[j] = tmp
    }
    return items
  }

  /** k distinct items in random order (k clipped to the list). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, Math.min(k, items.length)))
  }

  hex(chars: number): string {
    let out = ''
    while (out.length < chars)
      out += ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0')
    return out.slice(0, chars)
  }

  digits(count: number): string {
    let out = ''
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10))
    return out
  }
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

export type IntRange = { min: number; max: number }

export function inRange(rng: Rng, range: IntRange): number {
  return rng.int(Math.round(range.min), Math.round(Math.max(range.min, range.max)))
}
