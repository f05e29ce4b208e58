// Personal data inside free text: complaint letters, call notes, file names. Numbers are found by
// their shape; names cannot be, so the names a record carries are passed in and masked wherever
// they occur. Over-masking an order number is the acceptable mistake, leaking a phone is not.
import { maskBankCard, maskEmail, maskIdNumber, maskName, maskPhone } from './maskers.js'

// ASCII and full-width digits: people paste both.
const D = '[0-9\\uFF10-\\uFF19]'
const NO_DIGIT_BEFORE = `(?<!${D})`
const NO_DIGIT_AFTER = `(?!${D})`
const SEP = '[ \\-]?'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const ID_NUMBER_18 = new RegExp(
  `${NO_DIGIT_BEFORE}${D}{17}[0-9\\uFF10-\\uFF19Xx](?![0-9\\uFF10-\\uFF19A-Za-z])`,
  'g',
)
const ID_NUMBER_15 = new RegExp(`${NO_DIGIT_BEFORE}${D}{15}${NO_DIGIT_AFTER}`, 'g')
// 16 to 19 digits, written solid or in groups of four.
const BANK_CARD = new RegExp(
  `${NO_DIGIT_BEFORE}${D}{4}(?:${SEP}${D}{4}){3}(?:${SEP}${D}{1,3})?${NO_DIGIT_AFTER}`,
  'g',
)
// 11 digits from 13x to 19x, optionally after +86 / 0086 / 86, spaced or dashed anywhere.
const MOBILE = new RegExp(
  `${NO_DIGIT_BEFORE}(?:(?:\\+|\\uFF0B|00)?86${SEP})?[1\\uFF11][3-9\\uFF13-\\uFF19](?:${SEP}${D}){9}${NO_DIGIT_AFTER}`,
  'g',
)
// An area code (0 and 2-3 digits, bare or in brackets) then a 7-8 digit local number.
const LANDLINE = new RegExp(
  `${NO_DIGIT_BEFORE}(?:[(\\uFF08]0${D}{2,3}[)\\uFF09]|0${D}{2,3})[ \\-]?[2-9\\uFF12-\\uFF19]${D}{6,7}${NO_DIGIT_AFTER}`,
  'g',
)
const HAS_DIGIT_OR_AT = /[0-9\uFF10-\uFF19@]/

/** Mobile numbers and ID numbers only: the narrow guard for values that are not free text. */
export function maskPersonalNumbers(text: string): string {
  if (!HAS_DIGIT_OR_AT.test(text)) return text
  return text
    .replace(ID_NUMBER_18, maskIdNumber)
    .replace(ID_NUMBER_15, maskIdNumber)
    .replace(MOBILE, (m) => maskPhone(m))
}

/**
 * Masks e-mails, ID numbers, bank cards, mobiles and landlines found in `text`, then every
 * occurrence of the given names (two characters or longer: one character is too common to hunt).
 */
export function maskText(text: string, names: readonly string[] = []): string {
  let out = text
  if (HAS_DIGIT_OR_AT.test(out)) {
    out = out
      .replace(EMAIL, maskEmail)
      .replace(ID_NUMBER_18, maskIdNumber)
      .replace(ID_NUMBER_15, maskIdNumber)
      .replace(BANK_CARD, maskBankCard)
      .replace(MOBILE, (m) => maskPhone(m))
      .replace(LANDLINE, (m) => maskPhone(m))
  }
  const pattern = namePattern(names)
  return pattern ? out.replace(pattern, maskName) : out
}

function namePattern(names: readonly string[]): RegExp | null {
  const wanted = [...new Set(names.map((n) => n.trim()))].filter((n) => Array.from(n).length >= 2)
  if (wanted.length === 0) return null
  // Longest first, so that 欧阳娜娜 is masked whole before 欧阳 could match inside it.
  wanted.sort((a, b) => b.length - a.length)
  return new RegExp(wanted.map(escapeRegExp).join('|'), 'giu')
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
