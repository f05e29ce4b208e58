import { describe, expect, it } from 'vitest'
import { idCheckDigit, parseIdNumber } from './id-number.js'
import { provinceByCode } from './prc-regions.js'

const today = new Date('2024-06-01T04:00:00Z') // 12:00 in Beijing

/** A valid ID number for the given region, birth date (YYYYMMDD) and sequence. */
function buildIdNumber({ region = '440305', birth = '19880315', seq = '123' } = {}): string {
  const first17 = region + birth + seq
  return first17 + idCheckDigit(first17)
}

/** The same number with the check digit made right, so only the field under test is wrong. */
function withRightCheckDigit(first17: string): string {
  return first17 + idCheckDigit(first17)
}

describe('idCheckDigit', () => {
  it('computes the ISO 7064 MOD 11-2 character, including X', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X')
    expect(idCheckDigit('44030519880315123')).toBe(buildIdNumber().slice(17))
    expect(idCheckDigit('31011519900101001')).toBe('0') // weighted sum 144, 144 mod 11 = 1 -> '0'
  })

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckDigit('1101051949123100')).toThrow(RangeError)
    expect(() => idCheckDigit('1101051949123100A')).toThrow(RangeError)
  })
})

describe('parseIdNumber', () => {
  it('decodes the well-known example 11010519491231002X', () => {
    expect(parseIdNumber('11010519491231002X', today)).toEqual({
      value: '11010519491231002X',
      valid: true,
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
      province: '北京市',
    })
  })

  it('cleans lowercase x, full-width characters and spaces to one value', () => {
    for (const form of [
      '11010519491231002x',
      '１１０１０５１９４９１２３１００２Ｘ',
      ' 110105 19491231 002X ',
    ]) {
      expect(parseIdNumber(form, today)?.value, form).toBe('11010519491231002X')
      expect(parseIdNumber(form, today)?.valid, form).toBe(true)
    }
  })

  it('accepts generated numbers from every province-level code', () => {
    for (const [code, province] of Object.entries(provinceByCode)) {
      const id = buildIdNumber({ region: code + '0102', birth: '19750620', seq: '031' })
      expect(parseIdNumber(id, today), id).toMatchObject({ valid: true, province })
    }
  })

  it('reads the sex from the parity of the 17th digit', () => {
    expect(parseIdNumber(buildIdNumber({ seq: '001' }), today)?.sex).toBe('M')
    expect(parseIdNumber(buildIdNumber({ seq: '002' }), today)?.sex).toBe('F')
  })

  it('names the right check digit when the last character is wrong', () => {
    const id = buildIdNumber()
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
    expect(parseIdNumber(wrong, today)).toEqual({
      value: wrong,
      valid: false,
      reason: `check digit should be ${id[17]}`,
    })
  })

  it('rejects a birth date that does not exist', () => {
    const id = withRightCheckDigit('44030519900230123')
    expect(parseIdNumber(id, today)).toMatchObject({
      value: id,
      valid: false,
      reason: 'birth date 1990-02-30 does not exist',
    })
    expect(parseIdNumber(withRightCheckDigit('44030519901301123'), today)?.reason).toBe(
      'birth date 1990-13-01 does not exist',
    )
  })

  it('knows leap years: 2000-02-29 exists, 1900-02-29 does not', () => {
    expect(parseIdNumber(buildIdNumber({ birth: '20000229' }), today)?.valid).toBe(true)
    expect(parseIdNumber(buildIdNumber({ birth: '19000229' }), today)?.reason).toBe(
      'birth date 1900-02-29 does not exist',
    )
  })

  it('rejects birth dates before 1900 and after today', () => {
    expect(parseIdNumber(buildIdNumber({ birth: '18991231' }), today)?.reason).toBe(
      'birth date 1899-12-31 is before 1900',
    )
    expect(parseIdNumber(buildIdNumber({ birth: '20240602' }), today)?.reason).toBe(
      'birth date 2024-06-02 is in the future',
    )
    expect(parseIdNumber(buildIdNumber({ birth: '20240601' }), today)?.valid).toBe(true)
  })

  it('takes "today" as the calendar day in China', () => {
    const lateEveningUtc = new Date('2024-06-01T17:00:00Z') // already 2 June in Beijing
    expect(parseIdNumber(buildIdNumber({ birth: '20240602' }), lateEveningUtc)?.valid).toBe(true)
  })

  it('judges every written date as the calendar does, and the day each "today" falls on', () => {
    const exists = (y: number, m: number, d: number) => {
      const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      const date = new Date(`${iso}T00:00:00Z`)
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
    }
    const farFuture = new Date('2100-12-31T00:00:00Z')
    for (let y = 1896; y <= 2100; y += y < 1905 || y > 2096 ? 1 : 4)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const birth = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`
          const reason = parseIdNumber(buildIdNumber({ birth }), farFuture)?.reason ?? ''
          expect(reason.includes('does not exist'), birth).toBe(!exists(y, m, d))
        }
    // The day moves on (and back) with "today", not with the first call's day.
    const born = buildIdNumber({ birth: '20240602' })
    expect(parseIdNumber(born, new Date('2024-06-01T15:59:59Z'))?.valid).toBe(false)
    expect(parseIdNumber(born, new Date('2024-06-01T16:00:00Z'))?.valid).toBe(true)
    expect(parseIdNumber(born, new Date('2024-05-20T16:00:00Z'))?.valid).toBe(false)
  })

  it('rejects an unknown province code but accepts 83 (Taiwan residents’ residence permit)', () => {
    const unknown = withRightCheckDigit('99010519491231002')
    expect(parseIdNumber(unknown, today)).toMatchObject({
      valid: false,
      reason: 'unknown province code 99',
    })
    expect(parseIdNumber(buildIdNumber({ region: '830000' }), today)?.valid).toBe(true)
  })

  it('lists every problem when there are several', () => {
    // weighted sum of the first 17 digits is 282; 282 mod 11 = 7 -> '5'
    expect(parseIdNumber('990105199002300000', today)?.reason).toBe(
      'unknown province code 99; birth date 1990-02-30 does not exist; check digit should be 5',
    )
  })

  it('keeps malformed numbers, cleaned and flagged', () => {
    expect(parseIdNumber('1101051949123100', today)).toEqual({
      value: '1101051949123100',
      valid: false,
      reason: 'expected 18 characters (or 15 digits), got 16',
    })
    expect(parseIdNumber('11010519491231002y', today)).toEqual({
      value: '11010519491231002Y',
      valid: false,
      reason: 'expected 17 digits then a digit or X',
    })
    expect(parseIdNumber('1101051949X231002X', today)?.valid).toBe(false)
  })

  it('converts a valid 15-digit legacy number to 18 digits and says so', () => {
    expect(parseIdNumber('110105491231002', today)).toEqual({
      value: '11010519491231002X',
      valid: true,
      reason: 'converted from 15-digit legacy number',
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
      province: '北京市',
    })
  })

  it('keeps an invalid 15-digit number as written', () => {
    expect(parseIdNumber('440305900230123', today)).toEqual({
      value: '440305900230123',
      valid: false,
      reason: 'birth date 1990-02-30 does not exist',
    })
  })

  it('returns null for empty input only', () => {
    expect(parseIdNumber('', today)).toBeNull()
    expect(parseIdNumber('  \u3000 ', today)).toBeNull()
    expect(parseIdNumber('-', today)).not.toBeNull()
  })
})
