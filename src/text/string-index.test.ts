import { describe, expect, it } from 'vitest'
import { StringIndex } from './string-index.js'

describe('StringIndex', () => {
  it('finds the number of every key it was given, across growth, and nothing else', () => {
    const keys: string[] = []
    const index = new StringIndex(keys)
    for (let i = 0; i < 5000; i++) {
      keys.push(`contact-${i}`)
      index.set(`contact-${i}`, i)
    }
    expect([0, 1, 777, 4999].map((i) => index.get(`contact-${i}`))).toEqual([0, 1, 777, 4999])
    expect(index.get('contact-5000')).toBeUndefined()
  })
})
