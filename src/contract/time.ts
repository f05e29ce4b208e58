// Interchange times: ISO 8601; a time without an offset is Asia/Shanghai (the spec's rule).
import { z } from 'zod'

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** UTC to the millisecond, as toISOString writes it: what Date.parse reads exactly as below. */
const STORED_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Parses an interchange time to epoch milliseconds, or NaN when it is not one. */
export function parseInterchangeTime(value: string): number {
  // Machine-written files carry this form; every import parses each of their times twice.
  if (value.length === 24 && STORED_FORM.test(value)) return Date.parse(value)
  const m = ISO_TIME.exec(value.trim())
  if (!m) return NaN
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', offset] = m
  const zone = offset
    ? offset === 'Z'
      ? 'Z'
      : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
    : '+08:00'
  const ms = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : ''
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${zone}`)
  return t
}

/** The stored form of a time: UTC, millisecond precision, so text order is time order. */
export function toStoredTime(value: string): string {
  // Machine-written files carry the stored form already: kept as it is, without the Date round
  // trip (~0.8 µs a contact), unless a field is out of range and the parse rolls it over.
  if (value.length === 24 && STORED_FORM.test(value) && inPlainRange(value)) return value
  return new Date(parseInterchangeTime(value)).toISOString()
}

/** Month 1–12, day 1–28, hour < 24, minute and second < 60: the day exists in every month. */
function inPlainRange(stored: string): boolean {
  const month = twoDigits(stored, 5)
  const day = twoDigits(stored, 8)
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 28 &&
    twoDigits(stored, 11) < 24 &&
    twoDigits(stored, 14) < 60 &&
    twoDigits(stored, 17) < 60
  )
}

/** The two ASCII digits at `at` (STORED_FORM has checked that they are digits). */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48
}

export const interchangeTime = z.string().refine((v) => Number.isFinite(parseInterchangeTime(v)), {
  message: 'expected an ISO 8601 time, e.g. 2026-03-01T09:30:00+08:00',
})
