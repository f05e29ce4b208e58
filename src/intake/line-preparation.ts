// Everything between the input file and the store, a chunk of lines at a time: read, validate,
// normalise and reject duplicates. Runs as it is on the importing thread or on a worker thread.
import { readCsvRows } from './csv-reader.js'
import { FirstLines } from './first-lines.js'
import { readJsonLines } from './jsonl-reader.js'
import type { PreparedRecord } from './prepared-record.js'
import { prepareRecord } from './prepared-record.js'
import type { RecordKind, RecordKindName } from './record-kinds.js'
import { recordKinds } from './record-kinds.js'
import type { SourceLine } from './source-line.js'
import { formatOf } from './source-line.js'
import { validateLine } from './validate-line.js'

export type LineRejection = { field: string | null; reason: string; raw: string }

/** One non-blank input line: a record for the store, or why it was rejected. */
export type PreparedLine =
  | { line: number; bytes: number; record: PreparedRecord }
  | { line: number; bytes: number; rejection: LineRejection }

/**
 * Lines per chunk: enough to make a hand-over between threads cheap, few enough that a chunk is
 * handed over before the young generation is next collected (1,000 a chunk: ~10% more of the
 * worker's CPU, most of it copying and promoting the chunk being built).
 */
export const CHUNK_LINES = 200

/** Where prepared lines gather into a chunk: an array, or the line worker's wire (line-wire.ts). */
export type ChunkBuilder<C> = { lines: number; add(line: PreparedLine): void; take(): C }

class ArrayChunk implements ChunkBuilder<PreparedLine[]> {
  private chunk: PreparedLine[] = []
  get lines(): number {
    return this.chunk.length
  }
  add(line: PreparedLine): void {
    this.chunk.push(line)
  }
  take(): PreparedLine[] {
    const chunk = this.chunk
    this.chunk = []
    return chunk
  }
}

export function prepareLines(
  file: string,
  kindName: RecordKindName,
): AsyncGenerator<PreparedLine[]> {
  return prepareChunks(file, kindName, new ArrayChunk())
}

export async function* prepareChunks<C>(
  file: string,
  kindName: RecordKindName,
  builder: ChunkBuilder<C>,
): AsyncGenerator<C> {
  const kind = recordKinds[kindName] as RecordKind<unknown>
  const firstLines = new FirstLines()
  for await (const src of sourceLines(file, kind)) {
    builder.add(prepareLine(kind, src, firstLines))
    if (builder.lines === CHUNK_LINES) yield builder.take()
  }
  if (builder.lines) yield builder.take()
}

function prepareLine(
  kind: RecordKind<unknown>,
  src: SourceLine,
  firstLines: FirstLines,
): PreparedLine {
  const { line, bytes, raw } = src
  const result = validateLine(kind.schema, src)
  if (!result.ok) {
    return { line, bytes, rejection: { field: result.field, reason: result.reason, raw } }
  }
  const record = prepareRecord(kind, result.record, 'value' in src ? src : undefined)
  const first = firstLines.firstLine(record.key, line)
  if (first === undefined) return { line, bytes, record }
  const reason = `duplicate ${kind.idField} "${record.key}" in this file (first on line ${first})`
  return { line, bytes, rejection: { field: kind.idField, reason, raw } }
}

function sourceLines(file: string, kind: RecordKind<unknown>): AsyncGenerator<SourceLine> {
  return formatOf(file) === 'csv' ? readCsvRows(file, kind.csv) : readJsonLines(file)
}
