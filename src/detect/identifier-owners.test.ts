import { describe, expect, it } from 'vitest'
import { IdentifierOwners } from './identifier-owners.js'
import { CustomersOnFile } from './customers-on-file.js'

describe('IdentifierOwners', () => {
  it('finds every identifier it was given, past the growth of its table and arena, and no other', () => {
    const owners = new IdentifierOwners()
    const ids = Array.from(
      { length: 20_000 },
      (_, i) => `phone:+86138${String(i).padStart(8, '0')}`,
    )
    const entries = ids.map((id, slot) => {
      const e = owners.entry(id)
      owners.addOwner(e, slot)
      return e
    })
    expect(new Set(entries).size).toBe(ids.length)
    ids.forEach((id, slot) => {
      expect(owners.find(id)).toBe(entries[slot])
      expect(owners.ownerOf(entries[slot] as number)).toBe(slot)
      expect(owners.identifier(entries[slot] as number)).toBe(id)
    })
    expect(owners.find('phone:+8613900000000')).toBe(-1)
    expect(owners.find('phone:+86138')).toBe(-1)
    expect(owners.entry(ids[5] as string)).toBe(entries[5])
  })

  it('keeps identifiers with wider characters exactly too', () => {
    const owners = new IdentifierOwners()
    const e = owners.entry('name:张三')
    owners.addOwner(e, 7)
    expect(owners.find('name:张三')).toBe(e)
    expect(owners.find('name:张四')).toBe(-1)
    expect(owners.identifier(e)).toBe('name:张三')
    expect(owners.ownerOf(e)).toBe(7)
  })

  it('lists several owners, and takes an owner off wherever it appears', () => {
    const owners = new IdentifierOwners()
    const e = owners.entry('phone:+8613800000001')
    expect(owners.ownerOf(e)).toBeNull()
    owners.addOwner(e, 1)
    owners.addOwner(e, 2)
    owners.addOwner(e, 1)
    expect(owners.ownerOf(e)).toEqual([1, 2, 1])
    owners.removeOwner(e, 1)
    expect(owners.ownerOf(e)).toEqual([2])
    owners.removeOwner(e, 2)
    expect(owners.ownerOf(e)).toEqual([])
  })
})

describe('CustomersOnFile owners', () => {
  it('names the sole owner of an identifier, none when two customers have it on file', () => {
    const book = new CustomersOnFile()
    const shared = 'phone:+8613800000009'
    book.set({ customerId: 'CF1', nameKey: null, identifiers: [shared, 'id_number:1'] })
    expect(book.soleOwner(shared)).toBe('CF1')
    book.set({ customerId: 'CF2', nameKey: null, identifiers: [shared] })
    expect(book.soleOwner(shared)).toBeNull()
    expect(book.isOnFileFor(shared, 'CF1')).toBe(true)
    expect(book.isOnFileFor(shared, 'CF2')).toBe(true)
    expect(book.isOnFileFor('id_number:1', 'CF2')).toBe(false)
    expect(book.isOnFileFor(shared, 'CF3')).toBe(false)
    // CF1 changes phone: the shared one is CF2's alone again.
    book.set({ customerId: 'CF1', nameKey: null, identifiers: ['phone:+8613800000001'] })
    expect(book.soleOwner(shared)).toBe('CF2')
    expect(book.isOnFileFor(shared, 'CF1')).toBe(false)
    expect(book.soleOwner('id_number:1')).toBeNull()
    expect(book.identifiers('CF1')).toEqual(['phone:+8613800000001'])
  })
})
