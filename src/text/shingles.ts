// Character shingles of a (masked) text as distinct 32-bit hashes: the set that MinHash samples.
import { fnv1aCodes } from './hash.js'

/** Shingle length in characters: 4 keeps stock 2–3 character words from matching on their own. */
export const SHINGLE_SIZE = 4

const PLACEHOLDER_BASE = 0xe000
let codes = new Uint16Array(1024)
let hashes = new Uint32Array(1024)
let table = new Uint32Array(2048)
let stamps = new Uint32Array(2048)
let generation = 0

/**
 * The characters that carry content, as UTF-16 codes: Han, Latin letters (lower-cased) and digits.
 * Punctuation and whitespace are dropped; a placeholder such as `{AMOUNT}` becomes one symbol.
 * Returns the number of codes written into the shared buffer `codes`.
 */
function contentCodes(text: string): number {
  if (codes.length < text.length) codes = new Uint16Array(text.length * 2)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x4e00 && c <= 0x9fff) codes[n++] = c
    else if (c === 0x7b) {
      const close = text.indexOf('}', i)
      if (close > i + 1 && close - i <= 10) {
        codes[n++] = PLACEHOLDER_BASE + (text.charCodeAt(i + 1) & 0xff)
        i = close
      }
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) codes[n++] = c
    else if (c >= 0x41 && c <= 0x5a) codes[n++] = c + 32
    else if (c >= 0x3400 && c <= 0x4dbf) codes[n++] = c
  }
  return n
}

/** Distinct hashes of the k-character shingles of `text` (a text shorter than k is one shingle). */
export function shingles(text: string, k: number = SHINGLE_SIZE): Uint32Array {
  const n = contentCodes(text)
  if (n === 0) return new Uint32Array(0)
  const count = n < k ? 1 : n - k + 1
  const width = n < k ? n : k
  prepareTable(count)
  const mask = table.length - 1
  generation = (generation + 1) >>> 0 || 1
  let distinct = 0
  for (let i = 0; i < count; i++) {
    const h = fnv1aCodes(codes, i, width)
    let slot = h & mask
    while (stamps[slot] === generation && table[slot] !== h) slot = (slot + 1) & mask
    if (stamps[slot] === generation) continue
    stamps[slot] = generation
    table[slot] = h
    hashes[distinct++] = h
  }
  return hashes.slice(0, distinct)
}

/** Sizes the dedup table to at least twice the shingle count (open addressing stays short). */
function prepareTable(count: number): void {
  if (hashes.length < count) hashes = new Uint32Array(count * 2)
  if (table.length >= count * 2) return
  let size = table.length
  while (size < count * 2) size *= 2
  table = new Uint32Array(size)
  stamps = new Uint32Array(size)
  generation = 0
}
