// Streams a JSON Lines file line by line in constant memory: splits on bytes, decodes each line
// strictly (invalid UTF-8 is a rejected line, not a crash), strips a BOM and CR line ends.
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
    for (let nl = chunk.indexOf(NEWLINE, start); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const part = chunk.subarray(start, nl)
      lineNo++
      const bytes = pendingBytes + part.length + 1
      const line = oversized ? null : pending.length ? Buffer.concat([...pending, part]) : part
      const parsed = line ? parseLine(line, lineNo, bytes, decoder) : tooLong(lineNo, bytes)
      if (parsed) yield parsed
      pending = []
      pendingBytes = 0
      oversized = false
      start = nl + 1
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
  if (text.endsWith('\r')) text = text.slice(0, -1)
  if (text.trim() === '') return null
  try {
    return { line, bytes, raw: text, value: JSON.parse(text) as unknown }
  } catch (e) {
    const reason = `invalid JSON: ${e instanceof Error ? e.message : String(e)}`
    return { line, bytes, raw: excerpt(text), error: { reason } }
  }
}
