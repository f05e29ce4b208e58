// CSV import is a convenience over the interchange fields: dotted column names build nested
// objects (`caller.phone`), numeric segments build arrays (`attachments.0.sha256`), list fields
// take `|`-separated values, and cells are typed by the field they fill.
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import type { SourceLine } from './source-line.js'

export type CsvFieldTypes = { lists: Set<string>; numbers: Set<string>; booleans: Set<string> }

export async function* readCsvRows(file: string, types: CsvFieldTypes): AsyncGenerator<SourceLine> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, raw: true }),
  )
  let header: string[] | null = null
  for await (const rec of parser as AsyncIterable<{
    record: string[]
    info: { lines: number; bytes: number }
    raw: string
  }>) {
    const line = rec.info.lines
    if (!header) {
      header = rec.record.map((h) => h.trim())
      continue
    }
    yield rowToSource(header, rec.record, line, rec.raw, types)
  }
}

function rowToSource(
  header: string[],
  cells: string[],
  line: number,
  raw: string,
  types: CsvFieldTypes,
): SourceLine {
  const bytes = Buffer.byteLength(raw)
  if (cells.length < header.length) {
    const missing = header.slice(cells.length).join(', ')
    return {
      line,
      bytes,
      raw,
      error: {
        field: header[cells.length],
        reason: `row has ${cells.length} cells but the header has ${header.length}: missing ${missing}`,
      },
    }
  }
  if (cells.length > header.length) {
    return {
      line,
      bytes,
      raw,
      error: { reason: `row has ${cells.length} cells but the header has only ${header.length}` },
    }
  }
  if (raw.includes('\uFFFD'))
    return {
      line,
      bytes,
      raw,
      error: { reason: 'not valid UTF-8 (the file must be UTF-8 encoded)' },
    }
  const value: Record<string, unknown> = {}
  for (let i = 0; i < header.length; i++) {
    const cell = cells[i]?.trim() ?? ''
    const column = header[i] ?? ''
    if (cell === '' || column === '') continue
    const typed = typeCell(column, cell, types)
    if (typed instanceof Error)
      return { line, bytes, raw, error: { field: column, reason: typed.message } }
    setPath(value, column.split('.'), typed)
  }
  return { line, bytes, raw, value }
}

function typeCell(column: string, cell: string, types: CsvFieldTypes): unknown {
  const field = column.replace(/\.\d+(?=\.|$)/g, '')
  if (types.lists.has(field))
    return cell
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)
  if (types.numbers.has(field)) {
    const n = Number(cell)
    return Number.isFinite(n) ? n : new Error(`expected a number, got "${cell}"`)
  }
  if (types.booleans.has(field)) {
    if (/^(true|1|yes|是)$/i.test(cell)) return true
    if (/^(false|0|no|否)$/i.test(cell)) return false
    return new Error(`expected true or false, got "${cell}"`)
  }
  return cell
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] ?? ''
    const nextIsIndex = /^\d+$/.test(path[i + 1] ?? '')
    node[key] ??= nextIsIndex ? [] : {}
    node = node[key] as Record<string, unknown>
  }
  node[path[path.length - 1] ?? ''] = value
}
