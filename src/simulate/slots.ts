// Filling `{slot}` placeholders, and the everyday ways people write money and dates.
import { DAY_MS, chineseDate, formatTime } from './clock.js'
import type { Rng } from './random.js'

export type Slots = Record<string, string>

export function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? '')
}

/** An amount the way a person writes it: 1234元, 1234.50元, 1.2万, 1200多, 1234块. */
export function money(rng: Rng, value: number): string {
  const u = rng.next()
  if (u < 0.45) return `${Math.round(value)}元`
  if (u < 0.6) return `${value.toFixed(2)}元`
  if (u < 0.72 && value >= 10_000) return `${(value / 10_000).toFixed(1).replace(/\.0$/, '')}万`
  if (u < 0.88 && value >= 300) return `${Math.floor(value / 100) * 100}多`
  return `${Math.round(value)}块`
}

/** The formal amount of a letter: 12000 or 12,000.00. */
export function formalAmount(rng: Rng, value: number): string {
  if (rng.chance(0.6)) return String(Math.round(value))
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** A day some time before `atMs`, as a consumer refers to it. */
export function casualDate(rng: Rng, atMs: number, maxDaysBack = 20): string {
  const back = rng.int(1, maxDaysBack)
  const ms = atMs - back * DAY_MS
  const [, m, d] = formatTime(ms).slice(0, 10).split('-').map(Number)
  const u = rng.next()
  if (back === 1 && u < 0.5) return '昨天'
  if (back === 2 && u < 0.5) return '前天'
  if (back <= 7 && u < 0.3) return `上周${WEEKDAYS[new Date(ms + 8 * 3_600_000).getUTCDay()]}`
  if (u < 0.6) return `${m}月${d}号`
  if (u < 0.9) return `${m}月${d}日`
  return chineseDate(ms)
}

export function countWord(rng: Rng): string {
  return rng.pick(['两次', '两次', '三次', '两笔'])
}

/** 第N次 as people write it: digits or Chinese numerals. */
export function ordinal(rng: Rng, n: number): string {
  const zh = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
  return rng.chance(0.5) && n < zh.length ? (zh[n] ?? String(n)) : String(n)
}

/** Third person for notes written by staff: 我 -> 其, with the kin words fixed up. */
export function thirdPerson(text: string): string {
  return text
    .replace(/我们/g, '其')
    .replace(/我/g, '其')
    .replace(/其爸/g, '其父亲')
    .replace(/其妈/g, '其母亲')
    .replace(/其老婆/g, '其妻子')
    .replace(/其老公/g, '其丈夫')
    .replace(/本人/g, '其')
}
