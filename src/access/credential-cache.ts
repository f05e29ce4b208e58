// Sessions and API tokens are checked on every request, and screening must answer thousands of
// requests a second: the resolved credential is kept in memory for a short while.
//
// Consequence: revoking a session or token, disabling a user or changing their role takes effect
// within `ttlMs` on its own. Whoever revokes calls invalidate / invalidateUser / invalidateAll
// so that it takes effect at once in this process.
import type { Clock } from '../context.js'
import { systemClock } from '../context.js'
import { hashToken } from './token-hash.js'

/** What a loader resolves a credential to; `userId` (or a token id) is what invalidateUser matches. */
export type CachedCredential<P> = {
  principal: P
  userId: string
  /** The credential's own end: the cache never keeps it past this time. */
  expiresAt?: string | null
}

export type CredentialCacheOptions = { ttlMs?: number; maxEntries?: number; clock?: Clock }

type Entry = { principal: unknown; userId: string; until: number }

/** An invalidation as another cache (a screening replica's) must repeat it: tokens by hash only. */
export type CredentialInvalidation =
  { kind: 'hash'; hash: string } | { kind: 'user'; userId: string } | { kind: 'all' }

export class CredentialCache {
  private readonly ttlMs: number
  private readonly maxEntries: number
  private readonly clock: Clock
  // Keyed by the token's hash so the process holds no usable secret; Map order is insertion
  // order, so the first key is the entry loaded longest ago (an LRU-ish eviction for free).
  private readonly entries = new Map<string, Entry>()
  private readonly loading = new Map<string, Promise<unknown>>()
  // Bumped by every invalidation: a load that started before it is not cached afterwards.
  private generation = 0
  private readonly invalidated: ((i: CredentialInvalidation) => void)[] = []

  constructor(o: CredentialCacheOptions = {}) {
    this.ttlMs = o.ttlMs ?? 30_000
    this.maxEntries = o.maxEntries ?? 10_000
    this.clock = o.clock ?? systemClock
  }

  get size(): number {
    return this.entries.size
  }

  /** The principal cached for `token` and still fresh, without loading: undefined otherwise. */
  peek<P>(token: string): P | undefined {
    const hit = this.entries.get(hashToken(token))
    return hit && hit.until > this.clock.now().getTime() ? (hit.principal as P) : undefined
  }

  /**
   * The cached principal for `token`, or what `load` resolves it to. Unknown tokens (null) are
   * not cached, so that guessing cannot push real sessions out. Concurrent misses share one load.
   */
  async get<P>(token: string, load: () => Promise<CachedCredential<P> | null>): Promise<P | null> {
    const key = hashToken(token)
    const now = this.clock.now().getTime()
    const hit = this.entries.get(key)
    if (hit && hit.until > now) return hit.principal as P
    if (hit) this.entries.delete(key)
    const pending = this.loading.get(key)
    if (pending) return (await pending) as P | null
    const started = this.load(key, load)
    this.loading.set(key, started)
    try {
      return await started
    } finally {
      if (this.loading.get(key) === started) this.loading.delete(key)
    }
  }

  private async load<P>(key: string, load: () => Promise<CachedCredential<P> | null>) {
    const generation = this.generation
    const loaded = await load()
    if (loaded === null) return null
    if (generation === this.generation) this.remember(key, loaded)
    return loaded.principal
  }

  private remember(key: string, c: CachedCredential<unknown>): void {
    const now = this.clock.now().getTime()
    const ends = c.expiresAt ? Date.parse(c.expiresAt) : Number.POSITIVE_INFINITY
    const until = Math.min(now + this.ttlMs, Number.isNaN(ends) ? now : ends)
    if (until <= now) return
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
    this.entries.set(key, { principal: c.principal, userId: c.userId, until })
  }

  /** Forgets one session or API token (logout, token revoked). */
  invalidate(token: string): void {
    this.apply({ kind: 'hash', hash: hashToken(token) })
  }

  /** Forgets every credential of a user (disabled, role or password changed) or of a token id. */
  invalidateUser(userId: string): void {
    this.apply({ kind: 'user', userId })
  }

  invalidateAll(): void {
    this.apply({ kind: 'all' })
  }

  /** Makes an invalidation (this cache's own, or one another cache announced); announces it. */
  apply(i: CredentialInvalidation): void {
    this.generation++
    if (i.kind === 'hash') {
      this.entries.delete(i.hash)
      this.loading.delete(i.hash)
    } else if (i.kind === 'user') {
      for (const [key, entry] of this.entries)
        if (entry.userId === i.userId) this.entries.delete(key)
      this.loading.clear()
    } else {
      this.entries.clear()
      this.loading.clear()
    }
    for (const listener of this.invalidated) listener(i)
  }

  onInvalidate(listener: (i: CredentialInvalidation) => void): void {
    this.invalidated.push(listener)
  }
}
