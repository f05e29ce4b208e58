import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { fastCnMobile, normalizePhone } from './phone.js'

// Deterministic generator so a failure can be reproduced.
function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

function fullWidth(s: string): string {
  return s.replace(/[0-9+]/g, (c) => (c === '+' ? '＋' : String.fromCharCode(0xff10 + Number(c))))
}

// The ways people write one Chinese mobile number.
function writtenForms(m: string): string[] {
  const spaced = `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`
  return [
    m,
    spaced,
    `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `+86${m}`,
    `+86-${m}`,
    `+86 ${spaced}`,
    `0086${m}`,
    `86 ${spaced}`,
    `(+86)${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `${m.slice(0, 3)}.${m.slice(3, 7)}.${m.slice(7)}`,
    fullWidth(m),
    ` ${m} `,
    `0${m}`,
  ]
}

// What libphonenumber-js alone says, in normalizePhone's terms.
function libraryAnswer(form: string): { value: string; valid: boolean } {
  const parsed = parsePhoneNumberFromString(form, 'CN')
  if (parsed?.isValid()) return { value: parsed.number, valid: true }
  return { value: 'invalid:' + form.normalize('NFKC').replace(/\D/g, ''), valid: false }
}

function mobilesForEveryPrefix(perPrefix: number): string[] {
  const random = seededRandom(20240611)
  const numbers: string[] = []
  for (let prefix = 1000; prefix <= 1999; prefix++) {
    for (let i = 0; i < perPrefix; i++) {
      numbers.push(String(prefix) + String(Math.floor(random() * 1e7)).padStart(7, '0'))
    }
  }
  // Patterns that depend on the fifth digit (1740x satellite, 1610x).
  for (const prefix of ['17400', '17405', '17406', '17409', '16100', '16109', '13490']) {
    numbers.push(prefix + '123456')
  }
  return numbers
}

describe('normalizePhone', () => {
  it('gives one E.164 for every way the spec writes 138 0013 8000', () => {
    const forms = [
      '138 0013 8000',
      '+86-13800138000',
      '008613800138000',
      '86 138 0013 8000',
      '(+86)138-0013-8000',
      '１３８００１３８０００',
      '138-0013-8000',
      '+86 138 0013 8000',
      '（＋８６）１３８ ００１３ ８０００',
      '手机：13800138000',
    ]
    for (const form of forms) {
      expect(normalizePhone(form), form).toEqual({ value: '+8613800138000', valid: true })
    }
  })

  it('accepts the newer mobile ranges 199, 166, 198, 191 and 170', () => {
    for (const m of ['19912345678', '16612345678', '19812345678', '19112345678', '17012345678']) {
      expect(normalizePhone(m)).toEqual({ value: '+86' + m, valid: true })
    }
  })

  it('normalises landlines with and without the trunk 0 and the country code', () => {
    expect(normalizePhone('010-62345678')).toEqual({ value: '+861062345678', valid: true })
    expect(normalizePhone('(0755) 8888 6666')).toEqual({ value: '+8675588886666', valid: true })
    expect(normalizePhone('+86 21 6234 5678')).toEqual({ value: '+862162345678', valid: true })
    expect(normalizePhone('021-62345678')).toEqual({ value: '+862162345678', valid: true })
  })

  it('keys a landline written with an extension (转, 分机) by the line itself', () => {
    expect(normalizePhone('010-62345678转8001')).toEqual({ value: '+861062345678', valid: true })
    expect(normalizePhone('0755-88886666 分机 123')).toEqual({
      value: '+8675588886666',
      valid: true,
    })
  })

  it('accepts 400 service numbers, which libphonenumber knows', () => {
    expect(normalizePhone('400-812-3123')).toEqual({ value: '+864008123123', valid: true })
  })

  it('keeps 95xxx short service numbers as invalid keys, since libphonenumber rejects them', () => {
    expect(normalizePhone('95588')).toEqual({ value: 'invalid:95588', valid: false })
  })

  it('normalises foreign numbers written with a plus', () => {
    expect(normalizePhone('+1 415 555 2671')).toEqual({ value: '+14155552671', valid: true })
    expect(normalizePhone('+852 9123 4567')).toEqual({ value: '+85291234567', valid: true })
  })

  it('reads national numbers in the country the caller names', () => {
    expect(normalizePhone('9123 4567', 'HK')).toEqual({ value: '+85291234567', valid: true })
    expect(normalizePhone('(415) 555-2671', 'US')).toEqual({ value: '+14155552671', valid: true })
  })

  it('marks impossible numbers invalid with a digits-only key that is stable', () => {
    expect(normalizePhone('1380013800')).toEqual({ value: 'invalid:1380013800', valid: false })
    expect(normalizePhone('138-0013-80001')).toEqual({
      value: 'invalid:138001380001',
      valid: false,
    })
    expect(normalizePhone('14012345678')).toEqual({ value: 'invalid:14012345678', valid: false })
    expect(normalizePhone('12345')).toEqual(normalizePhone('12345'))
  })

  it('returns null for empty, blank and digit-less input', () => {
    for (const blank of ['', '   ', '\t\n', '　', '无', 'N/A', '--']) {
      expect(normalizePhone(blank), JSON.stringify(blank)).toBeNull()
    }
  })

  it('hands out a fresh object each time, so a caller cannot corrupt the cache', () => {
    const first = normalizePhone('010-62345678')
    if (first === null) throw new Error('expected a number')
    first.value = 'tampered'
    expect(normalizePhone('010-62345678')?.value).toBe('+861062345678')
  })
})

describe('normalizePhone fast path for Chinese mobiles', () => {
  const numbers = mobilesForEveryPrefix(4)

  it('agrees with libphonenumber-js on every 1xxx prefix in every written form', () => {
    const disagreements: string[] = []
    for (const form of numbers.flatMap(writtenForms)) {
      const ours = normalizePhone(form)
      const theirs = libraryAnswer(form)
      if (ours?.value !== theirs.value || ours.valid !== theirs.valid) disagreements.push(form)
    }
    expect(disagreements).toEqual([])
  })

  it('answers only for numbers libphonenumber-js holds valid, with the same E.164', () => {
    const wrong = numbers.flatMap(writtenForms).filter((form) => {
      const fast = fastCnMobile(form)
      return fast !== null && fast !== libraryAnswer(form).value
    })
    expect(wrong).toEqual([])
  })

  it('takes every valid ASCII-written mobile without falling back to the library', () => {
    const ascii = numbers.flatMap(writtenForms).filter((form) => /^[\x20-\x7e]+$/.test(form))
    const valid = ascii.filter((form) => libraryAnswer(form).valid)
    expect(valid.length).toBeGreaterThan(20_000) // the generator really produced mobiles
    expect(ascii.filter((form) => fastCnMobile(form) !== null)).toEqual(valid)
  })

  it('leaves landlines, foreign numbers and odd separators to the library', () => {
    for (const form of ['010-62345678', '+1 415 555 2671', '138/0013/8000', '+13800138000']) {
      expect(fastCnMobile(form), form).toBeNull()
    }
  })
})
