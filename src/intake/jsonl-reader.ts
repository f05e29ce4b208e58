// Streams a JSON Lines file line by line in constant memory: splits on bytes, decodes each line
// strictly (invalid UTF-8 is a rejected line, not a crash), strips a BOM and CR line ends.
import { isUtf8 } from 'node:buffer'
import { createReadStream } from 'node:fs'
import { TextDecoder } from 'node:util'
import type { SourceLine } from './source-line.js'
import { excerpt } from './source-line.js'

/** Longer lines are rejected unread: no legitimate record comes near it. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024

const NEWLINE = 0x0a
const CR = 0x0d
const BOM = [0xef, 0xbb, 0xbf] as const

export async function* readJsonLines(file: string): AsyncGenerator<SourceLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let pending: Buffer[] = []
  let pendingBytes = 0
  let oversized = false
  let lineNo = 0
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let start = 0
    const first = chunk.indexOf(NEWLINE)
    if (first !== -1 && pendingBytes > 0) {
      // The end of a line that began in an earlier chunk.
      const part = chunk.subarray(0, first)
      lineNo++
      const bytes = pendingBytes + part.length + 1
      const parsed = oversized
        ? tooLong(lineNo, bytes)
        : parseLine(Buffer.concat([...pending, part]), lineNo, bytes, decoder)
      if (parsed) yield parsed
      pending = []
      pendingBytes = 0
      oversized = false
      start = first + 1
    }
    const end = chunk.lastIndexOf(NEWLINE) + 1
    if (end > start) {
      // Whole lines, checked as UTF-8 in one go (a strict decoder's call a line cost more than
      // the decoding), each parsed only when taken: a chunk's parsed lines at once would outlive
      // the young generation. A chunk with bad bytes is decoded line by line to find them.
      const whole = chunk.subarray(start, end)
      const valid = isUtf8(whole)
      let at = 0
      for (let nl = whole.indexOf(NEWLINE); nl !== -1; nl = whole.indexOf(NEWLINE, at)) {
        lineNo++
        const bytes = nl - at + 1
        const parsed = valid
          ? parsedText(decodedLine(whole, at, nl), lineNo, bytes, exactBytes(whole, at, nl))
          : parseLine(whole.subarray(at, nl), lineNo, bytes, decoder)
        if (parsed) yield parsed
        at = nl + 1
      }
      start = end
    }
    const rest = chunk.subarray(start)
    pendingBytes += rest.length
    if (pendingBytes > MAX_LINE_BYTES) {
      oversized = true
      pending = []
    } else if (rest.length) pending.push(Buffer.from(rest))
  }
  if (pendingBytes > 0) {
    lineNo++
    const parsed = oversized
      ? tooLong(lineNo, pendingBytes)
      : parseLine(Buffer.concat(pending), lineNo, pendingBytes, decoder)
    if (parsed) yield parsed
  }
}

/**
 * A line of valid UTF-8, in a string of its own: values parsed from slices of one string for the
 * whole chunk could keep that string alive in a cache.
 */
function decodedLine(buf: Buffer, start: number, end: number): string {
  const text = buf.toString('utf8', start, end)
  // As a strict decoder does for each line it decodes on its own.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The line's bytes when its text is all of them: no BOM to strip, no CR before the newline. */
function exactBytes(buf: Buffer, start: number, end: number): Uint8Array | undefined {
  if (end > start && buf[end - 1] === CR) return undefined
  if (buf[start] === BOM[0] && buf[start + 1] === BOM[1] && buf[start + 2] === BOM[2])
    return undefined
  return buf.subarray(start, end)
}

function tooLong(line: number, bytes: number): SourceLine {
  return {
    line,
    bytes,
    raw: '',
    error: { reason: `line is ${bytes} bytes, longer than the ${MAX_LINE_BYTES}-byte limit` },
  }
}

function parseLine(
  buf: Buffer,
  line: number,
  bytes: number,
  decoder: TextDecoder,
): SourceLine | null {
  let text: string
  try {
    text = decoder.decode(buf)
  } catch {
    return {
      line,
      bytes,
      raw: buf.toString('latin1').slice(0, 300),
      error: { reason: 'not valid UTF-8 (the file must be UTF-8 encoded)' },
    }
  }
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return parsedText(text, line, bytes)
}

function parsedText(
  text: string,
  line: number,
  bytes: number,
  utf8?: Uint8Array,
): SourceLine | null {
  if (text.endsWith('\r')) text = text.slice(0, -1)
  if (text.trim() === '') return null
  try {
    const value = JSON.parse(text) as unknown
    return utf8 ? { line, bytes, raw: text, value, utf8 } : { line, bytes, raw: text, value }
  } catch (e) {
    const reason = `invalid JSON: ${e instanceof Error ? e.message : String(e)}`
    return { line, bytes, raw: excerpt(text), error: { reason } }
  }
}
