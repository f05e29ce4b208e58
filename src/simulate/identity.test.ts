import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { customerIdFor } from './customers.js'
import { idCheckChar, idNumber, mobile, region, typoIdNumber, writePhone } from './identity.js'
import { nameVariant, personName } from './names.js'
import { Rng } from './random.js'

function validId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id.charAt(17)
}

describe('simulated identities', () => {
  it('computes the GB 11643 check character of a published example', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(validId('11010519491231002X')).toBe(true)
  })

  it('issues valid ID numbers whose sex digit matches the name', () => {
    const rng = new Rng('ids')
    for (let i = 0; i < 2000; i++) {
      const person = personName(rng)
      const id = idNumber(rng, region(rng), person.sex, Date.UTC(1990, 0, 1) + i * 86_400_000)
      expect(validId(id)).toBe(true)
      expect(Number(id.charAt(16)) % 2 === 1).toBe(person.sex === 'M')
    }
  })

  it('makes every typo an invalid number', () => {
    const rng = new Rng('typos')
    for (let i = 0; i < 2000; i++) {
      const id = idNumber(rng, region(rng), 'F', Date.UTC(1985, 5, 1))
      expect(validId(typoIdNumber(rng, id))).toBe(false)
    }
  })

  it('writes mobiles that libphonenumber reads back as the same Chinese mobile', () => {
    const rng = new Rng('phones')
    for (let i = 0; i < 3000; i++) {
      const phone = mobile(rng, i % 5 === 0 ? 1 : 0)
      const written = writePhone(rng, phone, i % 2 === 0 ? 'typed' : 'system')
      const parsed = parsePhoneNumberFromString(written, 'CN')
      expect(parsed?.isValid(), written).toBe(true)
      expect(parsed?.nationalNumber).toBe(phone)
    }
  })

  it('gives unique, opaque customer ids', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200_000; i++) seen.add(customerIdFor(42, i))
    expect(seen.size).toBe(200_000)
    expect(customerIdFor(42, 1)).toMatch(/^CF\d{10}$/)
    expect(customerIdFor(42, 1)).not.toBe(customerIdFor(43, 1))
  })

  it('misspells a name the way a stranger would, never returning it unchanged for long names', () => {
    const rng = new Rng('variants')
    let changed = 0
    for (let i = 0; i < 500; i++) {
      const person = personName(rng)
      if (nameVariant(rng, person) !== person.name) changed++
    }
    expect(changed).toBeGreaterThan(400)
  })
})

describe('Rng', () => {
  it('repeats a stream for the same key and differs for another', () => {
    const a = new Rng(1, 'x', 2)
    const b = new Rng(1, 'x', 2)
    const c = new Rng(1, 'x', 3)
    const sa = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa)
  })

  it('keeps a truncated Pareto draw inside its bounds and heavy-tailed', () => {
    const rng = new Rng('pareto')
    const xs = Array.from({ length: 20_000 }, () => rng.pareto(2, 400, 1.15))
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2)
    expect(Math.max(...xs)).toBeLessThanOrEqual(400)
    expect(xs.filter((x) => x < 5).length / xs.length).toBeGreaterThan(0.5)
    expect(xs.filter((x) => x > 100).length).toBeGreaterThan(0)
  })
})
