import { describe, expect, it } from 'vitest'
import type { CachedCredential } from './credential-cache.js'
import { CredentialCache } from './credential-cache.js'

type Who = { name: string }

function setup(o: { ttlMs?: number; maxEntries?: number } = {}) {
  let t = Date.parse('2026-03-05T02:00:00Z')
  const clock = { now: () => new Date(t) }
  const cache = new CredentialCache({ ...o, clock })
  let loads = 0
  const loader =
    (name: string, userId = name, expiresAt?: string) =>
    (): Promise<CachedCredential<Who>> => {
      loads++
      return Promise.resolve({ principal: { name }, userId, expiresAt })
    }
  return {
    cache,
    loader,
    loads: () => loads,
    advance: (ms: number) => (t += ms),
  }
}

describe('CredentialCache', () => {
  it('answers from memory within the TTL and reloads after it', async () => {
    const s = setup({ ttlMs: 30_000 })
    expect(await s.cache.get('tok-a', s.loader('wangfang'))).toEqual({ name: 'wangfang' })
    expect(await s.cache.get('tok-a', s.loader('changed'))).toEqual({ name: 'wangfang' })
    expect(s.loads()).toBe(1)
    s.advance(30_000)
    expect(await s.cache.get('tok-a', s.loader('changed'))).toEqual({ name: 'changed' })
    expect(s.loads()).toBe(2)
  })

  it('never keeps a credential past its own expiry', async () => {
    const s = setup({ ttlMs: 30_000 })
    await s.cache.get('tok-a', s.loader('a', 'a', '2026-03-05T02:00:10Z'))
    s.advance(10_000)
    await s.cache.get('tok-a', s.loader('a'))
    expect(s.loads()).toBe(2)
  })

  it('does not cache unknown tokens', async () => {
    const s = setup()
    let loads = 0
    const unknown = () => {
      loads++
      return Promise.resolve(null)
    }
    expect(await s.cache.get('nope', unknown)).toBeNull()
    expect(await s.cache.get('nope', unknown)).toBeNull()
    expect(loads).toBe(2)
    expect(s.cache.size).toBe(0)
  })

  it('shares one load between concurrent misses', async () => {
    const s = setup()
    const results = await Promise.all([1, 2, 3].map(() => s.cache.get('tok-a', s.loader('a'))))
    expect(results).toEqual([{ name: 'a' }, { name: 'a' }, { name: 'a' }])
    expect(s.loads()).toBe(1)
  })

  it('forgets a token, a user or everything on request', async () => {
    const s = setup()
    await s.cache.get('tok-a', s.loader('a', 'user-1'))
    await s.cache.get('tok-b', s.loader('b', 'user-1'))
    await s.cache.get('tok-c', s.loader('c', 'user-2'))
    s.cache.invalidate('tok-c')
    expect(s.cache.size).toBe(2)
    s.cache.invalidateUser('user-1')
    expect(s.cache.size).toBe(0)
    await s.cache.get('tok-c', s.loader('c', 'user-2'))
    s.cache.invalidateAll()
    expect(s.cache.size).toBe(0)
  })

  it('does not cache a load that an invalidation overtook', async () => {
    const s = setup()
    let release: () => void = () => undefined
    const slow = () =>
      new Promise<CachedCredential<Who>>((resolve) => {
        release = () => resolve({ principal: { name: 'stale' }, userId: 'user-1' })
      })
    const pending = s.cache.get('tok-a', slow)
    s.cache.invalidateUser('user-1')
    release()
    expect(await pending).toEqual({ name: 'stale' })
    expect(s.cache.size).toBe(0)
  })

  it('evicts the entry loaded longest ago when full', async () => {
    const s = setup({ maxEntries: 2 })
    await s.cache.get('tok-a', s.loader('a'))
    await s.cache.get('tok-b', s.loader('b'))
    await s.cache.get('tok-c', s.loader('c'))
    expect(s.cache.size).toBe(2)
    await s.cache.get('tok-b', s.loader('b'))
    await s.cache.get('tok-c', s.loader('c'))
    expect(s.loads()).toBe(3)
    await s.cache.get('tok-a', s.loader('a'))
    expect(s.loads()).toBe(4)
  })

  it('peeks at a fresh cached credential without loading, and at nothing forgotten or stale', async () => {
    const s = setup({ ttlMs: 30_000 })
    expect(s.cache.peek('tok-a')).toBeUndefined()
    await s.cache.get('tok-a', s.loader('a', 'user-1'))
    expect(s.cache.peek('tok-a')).toEqual({ name: 'a' })
    s.cache.invalidateUser('user-1')
    expect(s.cache.peek('tok-a')).toBeUndefined()
    await s.cache.get('tok-a', s.loader('a', 'user-1'))
    s.advance(30_000)
    expect(s.cache.peek('tok-a')).toBeUndefined()
    expect(s.loads()).toBe(2)
  })
})
