// Free text (complaints, letters, transcripts) in one canonical shape, so that template
// detection compares words rather than the whitespace and width habits of each writer.

// Zero-width characters: invisible, and used to make copies of one template look different.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
// NFKC already turns no-break and ideographic spaces into U+0020; these are what remains.
const HORIZONTAL_SPACE = /[\t\v\f\u1680\u180E\u2000-\u200A\u202F\u205F]/g

export function normalizeText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Removes a leading byte-order mark (Excel writes one at the start of UTF-8 CSV files). */
export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
}
