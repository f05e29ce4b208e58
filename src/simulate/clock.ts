// Simulated time: China-time days, the hours at which people, offices and hotlines act, and
// ISO 8601 output with the +08:00 offset the lender's systems write.
import type { Rng } from './random.js'
import { tableOf } from './random.js'

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000
const SHANGHAI_MS = 8 * HOUR_MS

export type Period = { startMs: number; endMs: number; days: number }

/** Epoch ms of local midnight (China time) of the day holding `ms`. */
export function dayStart(ms: number): number {
  return Math.floor((ms + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS
}

/** 0 = Sunday .. 6 = Saturday, China time. */
export function weekday(ms: number): number {
  return (Math.floor((ms + SHANGHAI_MS) / DAY_MS) + 4) % 7
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export function formatTime(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI_MS)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`
}

/** yyyymmdd, China time — for reference numbers and file names. */
export function compactDate(ms: number): string {
  return formatTime(ms).slice(0, 10).replaceAll('-', '')
}

/** 2026年3月5日 */
export function chineseDate(ms: number): string {
  const [y, m, d] = formatTime(ms).slice(0, 10).split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

export type Rhythm = 'office' | 'hotline' | 'consumer' | 'consumer_call' | 'any'

// Hour weights per rhythm: offices keep office hours, consumers write in the evening too,
// the hotline answers 08:00-21:00.
const hourTables = {
  office: tableOf(hours([9, 10, 11, 14, 15, 16, 17], [8, 12, 13, 18], [19, 20])),
  hotline: tableOf(hours([9, 10, 11, 14, 15, 16], [8, 12, 13, 17, 18, 19], [20])),
  consumer: tableOf(
    hours([10, 11, 20, 21, 22], [9, 12, 13, 14, 15, 16, 17, 19, 23], [0, 1, 7, 8, 18]),
  ),
  consumer_call: tableOf(hours([9, 10, 11, 19, 20], [12, 13, 14, 15, 16, 17, 18], [8])),
  any: tableOf(hours([...Array(24).keys()], [], [])),
}

function hours(peak: number[], mid: number[], low: number[]): Record<string, number> {
  const w: Record<string, number> = {}
  for (const h of low) w[h] = 1
  for (const h of mid) w[h] = 3
  for (const h of peak) w[h] = 6
  return w
}

/** A moment within the China-time day starting at `midnight`, following a rhythm. */
export function timeInDay(rng: Rng, midnight: number, rhythm: Rhythm): number {
  const hour = Number(rng.fromTable(hourTables[rhythm]))
  return midnight + hour * HOUR_MS + rng.int(0, 3_599_999)
}

/** Moves a midnight off the weekend with probability `p` (offices rest, consumers do not). */
export function preferWeekday(rng: Rng, midnight: number, p: number): number {
  const wd = weekday(midnight)
  if ((wd === 0 || wd === 6) && rng.chance(p)) return midnight + (wd === 6 ? 2 : 1) * DAY_MS
  return midnight
}

export function clampToPeriod(ms: number, period: Period): number {
  return Math.min(period.endMs - 1000, Math.max(period.startMs, ms))
}
