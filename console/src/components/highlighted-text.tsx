// A text with some ranges marked: the passages a contact shares with a similar one. Ranges are
// [start, end) offsets into the text; overlapping or unsorted ranges are merged first.
import type { ReactNode } from 'react'

export function mergeRanges(ranges: [number, number][], length: number): [number, number][] {
  const sorted = ranges
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else out.push([r[0], r[1]])
  }
  return out
}

export function HighlightedText({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [s, e] of mergeRanges(ranges, text.length)) {
    if (s > at) parts.push(text.slice(at, s))
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>)
    at = e
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
