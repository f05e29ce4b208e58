// PRC resident ID numbers (GB 11643-1999). A bad number is kept and flagged with the exact
// reason — a fabricated ID on a complaint is itself evidence, so it is never dropped.
import { provinceByCode } from './prc-regions.js'

export type ParsedIdNumber = {
  value: string
  valid: boolean
  reason?: string
  birthDate?: string // YYYY-MM-DD
  sex?: 'M' | 'F'
  regionCode?: string // 6 digits
  province?: string // zh name
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckDigit needs exactly 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS.charAt(sum % 11)
}

/**
 * Cleans and checks an ID number. `today` bounds the birth date (its calendar day in
 * China time, where the numbers are issued). Null only for empty input.
 */
export function parseIdNumber(raw: string, today: Date = new Date()): ParsedIdNumber | null {
  const value = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  if (value === '') return null
  if (/^\d{15}$/.test(value)) return parseLegacy(value, today)
  if (value.length !== 18) {
    return invalid(value, `expected 18 characters (or 15 digits), got ${value.length}`)
  }
  if (!/^\d{17}[\dX]$/.test(value)) return invalid(value, 'expected 17 digits then a digit or X')
  const problems = [...fieldProblems(value, today)]
  const check = idCheckDigit(value.slice(0, 17))
  if (value[17] !== check) problems.push(`check digit should be ${check}`)
  return problems.length > 0 ? invalid(value, problems.join('; ')) : decode(value)
}

// 15-digit numbers (issued until 1999) have a 2-digit year and no check digit.
function parseLegacy(legacy: string, today: Date): ParsedIdNumber {
  const first17 = legacy.slice(0, 6) + '19' + legacy.slice(6)
  const converted = first17 + idCheckDigit(first17)
  const problems = fieldProblems(converted, today)
  if (problems.length > 0) return invalid(legacy, problems.join('; '))
  return { ...decode(converted), reason: 'converted from 15-digit legacy number' }
}

/** Problems with the province and birth date of a well-formed 18-character number. */
function fieldProblems(value: string, today: Date): string[] {
  const problems: string[] = []
  const code = value.slice(0, 2)
  if (provinceByCode[code] === undefined) problems.push(`unknown province code ${code}`)
  const dateProblem = birthDateProblem(value.slice(6, 14), today)
  if (dateProblem !== null) problems.push(dateProblem)
  return problems
}

function birthDateProblem(yyyymmdd: string, today: Date): string | null {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
  // Checked by arithmetic (a million customers' IDs): 02-30, month 13 and the like do not exist.
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number)
  if (!(m! >= 1 && m! <= 12 && d! >= 1 && d! <= daysInMonth(y!, m!))) {
    return `birth date ${iso} does not exist`
  }
  if (iso < '1900-01-01') return `birth date ${iso} is before 1900`
  if (iso > isoDayInShanghai(today)) return `birth date ${iso} is in the future`
  return null
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}

/** Today's date in Shanghai, worked out once per day rather than once per ID number. */
let shanghaiDay = { from: 0, until: 0, iso: '' }
function isoDayInShanghai(today: Date): string {
  const t = today.getTime()
  if (t < shanghaiDay.from || t >= shanghaiDay.until) {
    const local = t + SHANGHAI_OFFSET_MS
    const from = local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - SHANGHAI_OFFSET_MS
    const iso = new Date(local).toISOString().slice(0, 10)
    shanghaiDay = { from, until: from + 86_400_000, iso }
  }
  return shanghaiDay.iso
}

function decode(value: string): ParsedIdNumber {
  const d = value.slice(6, 14)
  return {
    value,
    valid: true,
    birthDate: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
    sex: Number(value[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: value.slice(0, 6),
    province: provinceByCode[value.slice(0, 2)],
  }
}

function invalid(value: string, reason: string): ParsedIdNumber {
  return { value, valid: false, reason }
}
