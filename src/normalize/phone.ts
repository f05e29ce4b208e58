// Phone numbers to one E.164 key, whatever way a person or a spreadsheet wrote them.
// libphonenumber-js (max metadata) decides; a fast path covers plain Chinese mobiles.
import { Metadata } from 'libphonenumber-js/core'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { CountryCode } from 'libphonenumber-js/max'
import maxMetadata from 'libphonenumber-js/max/metadata'

export type NormalizedPhone = { value: string; valid: boolean }

// The untyped part of libphonenumber's Metadata we read the CN mobile pattern from.
type NumberingPlanInternals = {
  nationalNumberPattern(): string
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined
}

// Plain CN mobile: optional +86 / 0086 / 86 / trunk 0, then 11 digits starting with 1,
// separated only by ASCII spaces, dashes, dots and brackets (libphonenumber ignores these).
const PLAIN_MOBILE = /^(?:\+86|0086|86|0)?(1\d{10})$/
const SEPARATORS = /[ \-.()]/g
const EXTENSION = /\s*(?:转|分机号?)\s*/
const cnMobile = loadCnMobilePattern()

// Repeat callers (the agencies we are looking for) reuse the same numbers, so the slow path
// is cached. Two generations instead of an LRU: evicting from the front of a Map makes
// V8 skip ever more deleted slots (measured 6 µs per insert), swapping maps is O(1).
const GENERATION_SIZE = 5_000
let recent = new Map<string, NormalizedPhone>()
let older = new Map<string, NormalizedPhone>()

/**
 * Normalises a written phone number. `null` only when there is nothing to normalise
 * (empty, whitespace, or no digit at all — a lone "无" must not become a shared key).
 */
export function normalizePhone(
  raw: string,
  defaultCountry: CountryCode = 'CN',
): NormalizedPhone | null {
  if (defaultCountry === 'CN') {
    const mobile = fastCnMobile(raw)
    if (mobile !== null) return { value: mobile, valid: true }
  }
  const key = defaultCountry + '|' + raw
  const result = recent.get(key) ?? remember(key, older.get(key) ?? slowPath(raw, defaultCountry))
  return result === null ? null : { ...result }
}

function remember(key: string, result: NormalizedPhone | null): NormalizedPhone | null {
  if (result === null) return null
  if (recent.size >= GENERATION_SIZE) [older, recent] = [recent, new Map<string, NormalizedPhone>()]
  recent.set(key, result)
  return result
}

/** E.164 of a plain Chinese mobile that libphonenumber would accept, else null. */
export function fastCnMobile(raw: string): string | null {
  if (cnMobile === null) return null
  const match = PLAIN_MOBILE.exec(raw.trim().replace(SEPARATORS, ''))
  const national = match?.[1]
  return national !== undefined && cnMobile.test(national) ? '+86' + national : null
}

function slowPath(raw: string, defaultCountry: CountryCode): NormalizedPhone | null {
  // NFKC turns full-width digits, ＋ and （） into ASCII so both paths see the same text.
  const text = raw.normalize('NFKC').trim()
  const digits = text.replace(/\D/g, '')
  if (digits === '') return null
  if (defaultCountry === 'CN' && text !== raw.trim()) {
    const mobile = fastCnMobile(text)
    if (mobile !== null) return { value: mobile, valid: true }
  }
  // "010-62345678转8001": libphonenumber only knows "ext"; the key is the line itself.
  const parsed = parsePhoneNumberFromString(text.replace(EXTENSION, ' ext '), defaultCountry)
  if (parsed?.isValid()) return { value: parsed.number, valid: true }
  return { value: 'invalid:' + digits, valid: false }
}

// Built from libphonenumber's own metadata so an upgrade cannot make the two paths disagree.
// If the internals ever change shape, the fast path switches off rather than guessing.
function loadCnMobilePattern(): RegExp | null {
  try {
    const metadata = new Metadata(maxMetadata)
    metadata.selectNumberingPlan('CN')
    const plan = metadata.numberingPlan as unknown as NumberingPlanInternals
    const mobile = plan.type('MOBILE')
    if (mobile === undefined || mobile.possibleLengths()?.includes(11) === false) return null
    const national = plan.nationalNumberPattern()
    return new RegExp(`^(?=(?:${national})$)(?:${mobile.pattern()})$`)
  } catch {
    return null
  }
}
