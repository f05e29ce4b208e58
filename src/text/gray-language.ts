// Gray-industry language in a complaint: agency phrasing, the demands agencies sell, threats,
// legal-sounding jargon and hardship certificates. A WEAK signal by design: genuine consumers
// say 协商还款, 暴力催收 or 起诉 too, and an agency can write plainly. Use it to weigh other
// evidence (templates, shared phones, voices), never as a verdict on its own.
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { GRAY_LEXICON, type GrayPhrase } from './gray-lexicon.js'

export type GrayHit = { phrase: string; category: string; weight: number }
export type GrayLanguage = { score: number; hits: GrayHit[] }

type Spelling = { spelling: string; entry: GrayPhrase }

/** Longest first, so that 请与代理人联系 claims its characters before 代理人 can. */
const SPELLINGS: Spelling[] = GRAY_LEXICON.flatMap((entry) =>
  [entry.phrase, ...(entry.variants ?? [])].map((spelling) => ({ spelling, entry })),
).sort((a, b) => b.spelling.length - a.spelling.length)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const ANY_SPELLING = new RegExp(SPELLINGS.map((x) => escape(x.spelling)).join('|'), 'g')

/**
 * The regex reports the leftmost-longest spelling at each place, so a spelling that only occurs
 * inside a longer one is not reported — and would be blocked by the longer one's claim anyway —
 * unless the longer one fails its checks; then look again.
 */
function containsShorterOnly(present: Set<string>, spelling: string, source: string): boolean {
  for (const p of present)
    if (p.length > spelling.length && p.includes(spelling)) return source.includes(spelling)
  return false
}

const NEGATIONS = new Set([
  '不',
  '没',
  '没有',
  '未',
  '无',
  '别',
  '并未',
  '不会',
  '不想',
  '不要',
  '从未',
  '从没',
  '无需',
  '不用',
  '不是',
  '并非',
  '绝不',
])

/** Phrases this short must be whole words: 起诉书 (the lender suing) is not a threat to sue. */
const WHOLE_WORD_LENGTH = 2

let segmenter: Jieba | undefined

/** Jieba with the default dictionary plus every lexicon spelling, loaded on first use (~0.2 s). */
function getSegmenter(): Jieba {
  if (!segmenter) {
    segmenter = Jieba.withDict(dict)
    const words = SPELLINGS.filter(({ spelling }) => spelling.length > WHOLE_WORD_LENGTH)
      .map(({ spelling }) => `${spelling} 100000 n`)
      .join('\n')
    segmenter.loadDict(Buffer.from(words, 'utf8'))
  }
  return segmenter
}

/** Token start offsets and, for each start, the tokens that precede it (for negation). */
type Segmentation = { starts: Map<number, number>; ends: Set<number>; tokens: string[] }

function segment(text: string): Segmentation | undefined {
  const tokens = getSegmenter().cut(text, false)
  const starts = new Map<number, number>()
  const ends = new Set<number>()
  let offset = 0
  tokens.forEach((token, index) => {
    starts.set(offset, index)
    offset += token.length
    ends.add(offset)
  })
  return offset === text.length ? { starts, ends, tokens } : undefined
}

/** Scores the gray-industry language of a text and its recorded demands (score in [0, 1]). */
export function grayLanguage(text: string, demands: string[] = []): GrayLanguage {
  const source = [text, ...demands].join('\n')
  const used = new Uint8Array(source.length)
  const hits = new Map<string, GrayHit>()
  // One regex pass finds which spellings occur; only those are located and checked one by one.
  const present = new Set(source.match(ANY_SPELLING))
  for (const { spelling, entry } of SPELLINGS) {
    if (!present.has(spelling) && !containsShorterOnly(present, spelling, source)) continue
    for (let at = source.indexOf(spelling); at >= 0; at = source.indexOf(spelling, at + 1)) {
      const end = at + spelling.length
      if (used.subarray(at, end).includes(1) || !counts(entry, source, at, end)) continue
      used.fill(1, at, end)
      hits.set(entry.phrase, {
        phrase: entry.phrase,
        category: entry.category,
        weight: entry.weight,
      })
    }
  }
  const found = [...hits.values()].sort(
    (a, b) => b.weight - a.weight || a.phrase.localeCompare(b.phrase),
  )
  return { score: diminishingScore(found), hits: found }
}

/** Whether an occurrence counts: whole word when short, not excepted by context, not negated. */
function counts(entry: GrayPhrase, source: string, at: number, end: number): boolean {
  if (entry.notAfter?.some((word) => source.endsWith(word, at))) return false
  if (entry.notBefore?.some((word) => source.startsWith(word, end))) return false
  // Most occurrences are long phrases with no negation nearby: no segmentation needed for them.
  if (
    end - at > WHOLE_WORD_LENGTH &&
    !NEGATION_CHAR.test(source.slice(Math.max(0, at - CONTEXT_BEFORE), at))
  )
    return true
  const words = segmentAround(source, at, end)
  return standsAlone(words, at, end) && !isNegated(words, at)
}

/** Every negation word holds one of these characters; without one nearby nothing is negated. */
const NEGATION_CHAR = /[不没未无别非]/

/** Characters of context segmented around an occurrence: enough for two words before it. */
const CONTEXT_BEFORE = 12
const CONTEXT_AFTER = 6

/**
 * Segments only the neighbourhood of an occurrence (a whole letter costs ~40 µs to cut, a window
 * a few): word boundaries at the phrase and the words just before it are all the checks need.
 */
function segmentAround(source: string, at: number, end: number): Segmentation | undefined {
  const from = Math.max(0, at - CONTEXT_BEFORE)
  const window = segment(source.slice(from, Math.min(source.length, end + CONTEXT_AFTER)))
  if (!window) return undefined
  const starts = new Map<number, number>()
  for (const [offset, index] of window.starts) starts.set(offset + from, index)
  return { starts, ends: new Set([...window.ends].map((e) => e + from)), tokens: window.tokens }
}

function standsAlone(words: Segmentation | undefined, at: number, end: number): boolean {
  if (!words || end - at > WHOLE_WORD_LENGTH) return true
  return words.starts.has(at) && words.ends.has(end)
}

/** A negation among the two words before the phrase (不会起诉, 没有报警, 并未委托). */
function isNegated(words: Segmentation | undefined, at: number): boolean {
  const index = words?.starts.get(at)
  if (!words || index === undefined) return false
  return [index - 1, index - 2].some((i) => i >= 0 && NEGATIONS.has(words.tokens[i] as string))
}

/**
 * Within a category the n-th hit counts half as much as the one before (ten threats are not ten
 * times one threat); the categories add up, and 1 − e^(−total) maps the sum into [0, 1):
 * "我想协商还款" ≈ 0.03, a typical agency letter > 0.8.
 */
function diminishingScore(hits: GrayHit[]): number {
  const byCategory = new Map<string, number[]>()
  for (const hit of hits)
    byCategory.set(hit.category, [...(byCategory.get(hit.category) ?? []), hit.weight])
  let total = 0
  for (const weights of byCategory.values()) {
    weights.sort((a, b) => b - a).forEach((weight, i) => (total += weight * 0.5 ** i))
  }
  return Math.round((1 - Math.exp(-total)) * 1000) / 1000
}
