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
      const whole = chunk.subarray(start, end)
      const lines = isUtf8(whole)
        ? decodedLines(whole, lineNo)
        : bufferedLines(whole, lineNo, decoder)
      for (const parsed of lines) if (parsed) yield parsed
      lineNo += lines.length
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
 * Whole lines (each ending in a newline) known to be valid UTF-8: checked in one go, which cost
 * less than a strict decoder's call a line. Each line is decoded into a string of its own: values
 * parsed from a slice of one string for the whole chunk could keep that string alive in a cache.
 */
function decodedLines(buf: Buffer, lineNo: number): (SourceLine | null)[] {
  const out: (SourceLine | null)[] = []
  let start = 0
  for (let nl = buf.indexOf(NEWLINE); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
    let text = buf.toString('utf8', start, nl)
    // As the strict decoder does for each line it decodes on its own.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    out.push(parsedText(text, ++lineNo, nl - start + 1))
    start = nl + 1
  }
  return out
}

/** Whole lines with some invalid UTF-8 among them: each decoded on its own, the bad ones rejected. */
function bufferedLines(buf: Buffer, lineNo: number, decoder: TextDecoder): (SourceLine | null)[] {
  const out: (SourceLine | null)[] = []
  let start = 0
  for (let nl = buf.indexOf(NEWLINE); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
    out.push(parseLine(buf.subarray(start, nl), ++lineNo, nl - start + 1, decoder))
    start = nl + 1
  }
  return out
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

function parsedText(text: string, line: number, bytes: number): SourceLine | null {
  if (text.endsWith('\r')) text = text.slice(0, -1)
  if (text.trim() === '') return null
  try {
    return { line, bytes, raw: text, value: JSON.parse(text) as unknown }
  } catch (e) {
    const reason = `invalid JSON: ${e instanceof Error ? e.message : String(e)}`
    return { line, bytes, raw: excerpt(text), error: { reason } }
  }
}
