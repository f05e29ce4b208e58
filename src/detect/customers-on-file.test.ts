import { describe, expect, it } from 'vitest'
import { CustomersOnFile } from './customers-on-file.js'

describe('CustomersOnFile', () => {
  it('keeps each customer’s name key and identifiers, past the first growth of its columns', () => {
    const book = new CustomersOnFile()
    for (let i = 0; i < 3000; i++)
      book.set({
        customerId: `CF${i}`,
        nameKey: i % 7 ? `name-${i}` : null,
        identifiers: [`phone:+86138${String(i).padStart(8, '0')}`, `id_number:${i}`].slice(
          0,
          (i % 3) + 0,
        ),
      })
    expect(book.size).toBe(3000)
    expect(book.get('CF2999')).toEqual({
      customerId: 'CF2999',
      nameKey: 'name-2999',
      identifiers: ['phone:+8613800002999', 'id_number:2999'],
    })
    expect(book.nameKey('CF14')).toBeNull()
    expect(book.identifiers('CF3')).toEqual([])
    expect(book.identifiers('CF4')).toEqual(['phone:+8613800000004'])
    expect(book.get('nobody')).toBeUndefined()
    expect(book.identifiers('nobody')).toEqual([])
  })

  it('replaces a changed customer, takes its old identifiers off file, and keeps the first id copy', () => {
    const book = new CustomersOnFile()
    const first = 'CF1'
    book.set({ customerId: first, nameKey: 'a', identifiers: ['phone:+8613800000001'] })
    expect(book.soleOwner('phone:+8613800000001')).toBe('CF1')
    const again = ['C', 'F', '1'].join('')
    book.set({ customerId: again, nameKey: 'b', identifiers: ['phone:+8613900000001'] })
    expect(book.soleOwner('phone:+8613800000001')).toBeNull()
    expect(book.isOnFileFor('phone:+8613800000001', 'CF1')).toBe(false)
    expect(book.isOnFileFor('phone:+8613900000001', 'CF1')).toBe(true)
    expect(book.get('CF1')).toEqual({
      customerId: 'CF1',
      nameKey: 'b',
      identifiers: ['phone:+8613900000001'],
    })
    expect(book.storedId(again)).toBe(first)
    expect(book.size).toBe(1)
  })

  it('answers a name key several customers share for each of them, and a replaced one for none', () => {
    const book = new CustomersOnFile()
    book.set({ customerId: 'CF1', nameKey: '王芳', identifiers: [] })
    book.set({ customerId: 'CF2', nameKey: '王芳', identifiers: [] })
    book.set({ customerId: 'CF3', nameKey: '李强', identifiers: [] })
    book.set({ customerId: 'CF1', nameKey: null, identifiers: [] })
    expect(book.nameKey('CF1')).toBeNull()
    expect(book.nameKey('CF2')).toBe('王芳')
    expect(book.get('CF3')?.nameKey).toBe('李强')
    book.set({ customerId: 'CF3', nameKey: '王芳', identifiers: [] })
    expect(book.nameKey('CF3')).toBe('王芳')
  })
})
