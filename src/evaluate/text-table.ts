// Plain-text tables whose columns line up in a terminal, Chinese (double-width) text included.
export type Align = 'left' | 'right'

const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
]

export function displayWidth(s: string): number {
  let width = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    width += WIDE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1
  }
  return width
}

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)))
  return align === 'right' ? fill + s : s + fill
}

/**
 * Lines of a table indented by two spaces, columns two spaces apart; the first column is
 * left-aligned, the others as `align` says (right by default: they are mostly numbers).
 */
export function renderTable(
  header: string[] | null,
  rows: string[][],
  align: Align[] = [],
): string[] {
  const all = header ? [header, ...rows] : rows
  const columns = Math.max(0, ...all.map((r) => r.length))
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(0, ...all.map((r) => displayWidth(r[i] ?? ''))),
  )
  const alignOf = (i: number): Align => align[i] ?? (i === 0 ? 'left' : 'right')
  const line = (r: string[]) =>
    `  ${widths.map((w, i) => pad(r[i] ?? '', w, alignOf(i))).join('  ')}`.trimEnd()
  const rule = `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`
  return header ? [line(header), rule, ...rows.map(line)] : rows.map(line)
}
