// One masker per kind of personal data, in the shapes docs/api.md shows (138****8000,
// 110101********123X, 张*, 北京市朝阳区****, z***@qq.com, wx***89). Each returns '' for empty
// input, always hides something of a non-empty value, and leaves its own output unchanged.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { normalizePhone } from '../normalize/index.js'

const STARS = '****'

/** Keeps up to `head` leading and `tail` trailing characters, hiding at least one. */
export function maskMiddle(value: string, head: number, tail: number, stars?: string): string {
  const chars = Array.from(value)
  if (chars.length === 0) return ''
  while (head + tail >= chars.length && head + tail > 0) {
    if (head >= tail) head--
    else tail--
  }
  const hidden = stars ?? '*'.repeat(chars.length - head - tail)
  return chars.slice(0, head).join('') + hidden + chars.slice(chars.length - tail).join('')
}

// Masked output carries stars and only short runs of digits: masking it again must not move
// the stars around, so such a value is returned as it is.
function alreadyMasked(value: string, longestDigitRun: number): boolean {
  if (!value.includes('*')) return false
  return Array.from(value.matchAll(/\d+/g)).every((m) => m[0].length <= longestDigitRun)
}

/** Hides the middle of a run of digits: 3 + 4 kept from 11 digits up, 3 + 2 below. */
function maskDigits(digits: string): string {
  return digits.length >= 11 ? maskMiddle(digits, 3, 4) : maskMiddle(digits, 3, 2)
}

/**
 * `+8613800138000` → `138****8000`. A Chinese number is shown in its national form (landlines
 * with their trunk 0: `010****5678`); other countries keep their calling code (`+852 912***67`).
 */
export function maskPhone(raw: string): string {
  const text = raw.trim()
  if (text === '') return ''
  if (alreadyMasked(text, 4)) return text
  const phone = normalizePhone(text)
  if (phone === null) return '***'
  if (!phone.valid) return maskDigits(phone.value.replace(/\D/g, ''))
  if (phone.value.startsWith('+86')) {
    const national = phone.value.slice(3)
    return maskDigits(/^1\d{10}$/.test(national) ? national : '0' + national)
  }
  const parsed = parsePhoneNumberFromString(phone.value)
  if (!parsed) return maskDigits(phone.value.slice(1))
  return `+${parsed.countryCallingCode} ${maskDigits(parsed.nationalNumber)}`
}

/** `11010119900307123X` → `110101********123X`; 15-digit IDs keep their first 6 and last 3. */
export function maskIdNumber(raw: string): string {
  const value = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  if (value === '') return ''
  if (alreadyMasked(value, 6)) return value
  if (/^\d{17}[\dX]$/.test(value)) return value.slice(0, 6) + '*'.repeat(8) + value.slice(14)
  if (/^\d{15}$/.test(value)) return value.slice(0, 6) + '*'.repeat(6) + value.slice(12)
  // Not an ID number's shape: still somebody's number, so less of it is shown.
  return maskMiddle(value, 3, 2)
}

/** The first character of a name, then one star per remaining character (`张*`, `欧***`); Latin names `Z***`. */
export function maskName(raw: string): string {
  const chars = Array.from(raw.trim())
  const first = chars[0]
  if (first === undefined) return ''
  if (/\p{Script=Han}/u.test(first)) return first + '*'.repeat(Math.max(1, chars.length - 1))
  return first + '***'
}

/** The first 6 characters (province and city, usually) then `****`; shorter ones keep half. */
export function maskAddress(raw: string): string {
  const text = raw.trim()
  if (text === '' || text.endsWith(STARS)) return text
  const chars = Array.from(text)
  const keep = chars.length > 6 ? 6 : Math.floor(chars.length / 2)
  return chars.slice(0, keep).join('') + STARS
}

/** `zhangsan@qq.com` → `z***@qq.com`: the domain stays, it says nothing about the person. */
export function maskEmail(raw: string): string {
  const text = raw.trim()
  if (text === '') return ''
  const at = text.lastIndexOf('@')
  if (at < 0) return maskMiddle(text, 1, 0, '***')
  const local = Array.from(text.slice(0, at))
  return (local[0] ?? '') + '***' + text.slice(at)
}

/** `wxid_abc12389` → `wx***89`; ids of four characters or fewer keep only their first. */
export function maskWechat(raw: string): string {
  const chars = Array.from(raw.trim())
  if (chars.length === 0) return ''
  if (chars.every((c) => c === '*')) return chars.join('')
  if (chars.length >= 5) return chars.slice(0, 2).join('') + '***' + chars.slice(-2).join('')
  return chars.length === 1 ? '***' : (chars[0] ?? '') + '***'
}

/** IPv4 keeps its first and last octet (`10.*.*.3`); IPv6 its first and last group. */
export function maskIp(raw: string): string {
  const text = raw.trim()
  if (text === '') return ''
  const v4 = /^(\d{1,3})\.(?:\d{1,3}|\*)\.(?:\d{1,3}|\*)\.(\d{1,3})$/.exec(text)
  if (v4) return `${v4[1]}.*.*.${v4[2]}`
  const groups = text.split(':')
  if (groups.length >= 3) return `${groups[0]}:****:${groups[groups.length - 1]}`
  return maskDevice(text)
}

/** A device id keeps a quarter at each end (at most 4 characters each): `a1b2****c3d4`. */
export function maskDevice(raw: string): string {
  const text = raw.trim()
  if (text === '' || text.includes(STARS)) return text
  const side = Math.min(4, Math.floor(Array.from(text).length / 4))
  return maskMiddle(text, side, side, STARS)
}

/** A bank card number keeps its issuer prefix (6) and last 4, as card receipts print them. */
export function maskBankCard(raw: string): string {
  const digits = raw.replace(/\D/g, '')
  if (digits === '') return ''
  return maskMiddle(digits, 6, 4)
}
