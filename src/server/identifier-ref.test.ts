import { describe, expect, it } from 'vitest'
import { IdentifierRefs } from './identifier-ref.js'

describe('IdentifierRefs', () => {
  const secret = Buffer.alloc(32, 7)

  it('gives the same ref for the same identifier, from memory or freshly sealed', () => {
    const refs = new IdentifierRefs(secret)
    const first = refs.ref('phone:13800138000')
    expect(refs.ref('phone:13800138000')).toBe(first)
    expect(new IdentifierRefs(secret).ref('phone:13800138000')).toBe(first)
    expect(refs.ref('phone:13900139000')).not.toBe(first)
    expect(refs.resolve(first)).toBe('phone:13800138000')
  })

  it('keeps giving resolvable, stable refs past the number it remembers', () => {
    const refs = new IdentifierRefs(secret, 4)
    const fresh = new IdentifierRefs(secret)
    const keys = Array.from({ length: 11 }, (_, i) => `phone:138${String(i).padStart(8, '0')}`)
    const made = keys.map((k) => refs.ref(k))
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      expect(refs.ref(key)).toBe(made[i])
      expect(fresh.ref(key)).toBe(made[i])
      expect(refs.resolve(made[i] as string)).toBe(key)
    }
  })

  it('refuses a ref it did not make', () => {
    const refs = new IdentifierRefs(secret)
    const other = new IdentifierRefs(Buffer.alloc(32, 8)).ref('phone:13800138000')
    expect(refs.resolve(other)).toBeNull()
    expect(refs.resolve('ir_AAAA')).toBeNull()
  })
})
