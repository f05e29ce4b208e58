// Personal and organisation names: one display form and one match key, so that
// "张 三", "张三" and "信和法务咨询（深圳）有限公司" / "信和法务" meet.
import { regionPrefixes } from './prc-regions.js'

export type NormalizedOrganization = { display: string; key: string }

// Every dot people type between the parts of a transliterated name (阿卜杜拉·买买提).
const MIDDLE_DOTS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\u2E31\uA78F\u318D]+/g
const HAN_OR_DOT = '[\\p{Script=Han}\u00B7]'
const SPACE_BETWEEN_HAN = new RegExp(`(?<=${HAN_OR_DOT})\\s+(?=${HAN_OR_DOT})`, 'gu')
const MIN_KEY_LENGTH = 2

export function normalizeName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(MIDDLE_DOTS, '\u00B7')
    .trim()
    .replace(SPACE_BETWEEN_HAN, '')
    .replace(/\s+/g, ' ')
}

/** Match key for a person's name: case, spaces and the middle dot do not matter. */
export function nameKey(raw: string): string {
  return normalizeName(raw)
    .toLowerCase()
    .replace(/[\s\u00B7]/g, '')
}

// Legal forms and generic business words; stripped repeatedly from the end, longest first,
// so that 广东信和法务咨询服务有限公司 comes down to its trade name 信和 (字号).
const ORGANIZATION_SUFFIXES = [
  '有限责任公司',
  '股份有限公司',
  '有限公司',
  '分公司',
  '集团',
  '公司',
  '工作室',
  '中心',
  '事务所',
  '分所',
  '服务部',
  '商行',
  '门市部',
  '经营部',
  '分部',
  '企业管理咨询',
  '企业管理',
  '法务咨询',
  '法律咨询',
  '信息咨询',
  '商务咨询',
  '咨询服务',
  '咨询',
  '服务',
  '管理',
  '网络科技',
  '信息科技',
  '科技',
  '文化传媒',
  '传媒',
  '法务',
  '债务规划',
  '债务优化',
  '债务重组',
  '债务',
].sort((a, b) => b.length - a.length)

// A law firm (律师事务所, 律所) needs a licence; it keeps "律师" in its key so that a real firm
// never shares a key with a 法务 agency that borrows its trade name.
const LAW_FIRM = /^(.{2,}?)(?:律师事务所|律所)$/u

/** Display form plus a key that makes the variants of one agency's name meet. */
export function normalizeOrganization(raw: string): NormalizedOrganization | null {
  const display = normalizeName(raw.replace(/[【〖〔]/g, '[').replace(/[】〗〕]/g, ']'))
  if (display === '') return null
  const key = organizationKey(display)
  return key === '' ? null : { display, key }
}

function organizationKey(display: string): string {
  // A bracket inside or after the name holds a region or partnership form: drop it. One that
  // opens the name (【信和】法务) holds the brand itself: keep its content.
  const unwrapped = display.replace(/^\(([^()]*)\)|^\[([^[\]]*)\]/, '$1$2 ')
  const unbracketed = keepAtLeastTwo(unwrapped, unwrapped.replace(/\([^()]*\)|\[[^[\]]*\]/g, ''))
  let key = stripRegions(unbracketed.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
  for (let previous = ''; previous !== key;) {
    previous = key
    const lawFirm = LAW_FIRM.exec(key)?.[1]
    if (lawFirm !== undefined) return stripRegions(lawFirm) + '律师'
    key = stripRegions(stripOne(key, ORGANIZATION_SUFFIXES, 'end'))
    key = stripOne(key, regionPrefixes, 'end') // 信和法务深圳分公司: the region after the name
  }
  return key
}

function stripRegions(key: string): string {
  for (let previous = ''; previous !== key;) {
    previous = key
    key = stripOne(key, regionPrefixes, 'start')
  }
  return key
}

// Removes the longest listed affix that leaves at least two characters.
function stripOne(key: string, affixes: readonly string[], at: 'start' | 'end'): string {
  for (const affix of affixes) {
    if (key.length - affix.length < MIN_KEY_LENGTH) continue
    if (at === 'start' && key.startsWith(affix)) return key.slice(affix.length)
    if (at === 'end' && key.endsWith(affix)) return key.slice(0, -affix.length)
  }
  return key
}

function keepAtLeastTwo(longer: string, shorter: string): string {
  return [...shorter.trim()].length >= MIN_KEY_LENGTH ? shorter : longer
}
