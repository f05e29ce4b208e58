// Prepared lines as they cross from the line worker to the importing thread: one flat array of
// values a chunk instead of a few objects a line. Cloning an object costs both threads a
// property name per field; a flat array costs only the values (11% of the worker's time before).
// Each string cloned is a string made again on the importing thread, so what it can work out
// goes as a number or not at all: a link's kind and role by their place in their lists, its
// value (the identifier after `kind:`), and the record's key where a column repeats it. A
// record's JSON text that the input line held byte for byte crosses as those bytes, in one buffer
// a chunk that is moved, not copied: the importing thread binds them to the store as they are.
import type { IdentifierKind, IdentifierLink, LinkRole } from '../links/identifier.js'
import { identifierKinds, linkRoles } from '../links/identifier.js'
import type { PreparedLine } from './line-preparation.js'
import type { PreparedRecord } from './prepared-record.js'

type Value = string | number | null

/**
 * A chunk on the wire: the records' column names once (and which one holds the key, or -1), then
 * each line's values in turn; the UTF-8 of records' JSON one after another in `text`, each named
 * by its length among the values.
 */
export type WireChunk = { columns: string[]; keyColumn: number; values: Value[]; text: Uint8Array }

/** Bytes a chunk's text buffer starts with: 200 bench contacts' JSON without growing. */
const TEXT_BYTES = 160 * 1024

const kindIndex = new Map<string, number>(identifierKinds.map((k, i) => [k, i]))
const roleIndex = new Map<string, number>(linkRoles.map((r, i) => [r, i]))

const RECORD = 1
const REJECTION = 0

/** Encodes lines as they are prepared, so that only their values outlive the young generation. */
export class WireWriter {
  private columns: string[] | null = null
  private keyColumn = -1
  private values: Value[] = []
  private text = new TextBuffer()
  lines = 0

  /** A line: its number, bytes and tag, then a record's or a rejection's values. */
  add(item: PreparedLine): void {
    const values = this.values
    values.push(item.line, item.bytes)
    if ('record' in item) {
      if (this.columns === null) {
        this.columns = Object.keys(item.record.columns)
        const { key, columns } = item.record
        this.keyColumn = this.columns.findIndex((c) => columns[c] === key)
      }
      encodeRecord(item.record, this.columns, this.keyColumn, values, this.text)
    } else values.push(REJECTION, item.rejection.field, item.rejection.reason, item.rejection.raw)
    this.lines++
  }

  /** The chunk so far; the writer starts a new one. */
  take(): WireChunk {
    const { columns, keyColumn, values } = this
    const chunk = { columns: columns ?? [], keyColumn, values, text: this.text.take() }
    this.columns = null
    this.keyColumn = -1
    this.values = []
    this.lines = 0
    return chunk
  }
}

/** What to move rather than copy when posting a chunk: its text's own buffer. */
export function transferOf(chunk: WireChunk): ArrayBuffer[] {
  return chunk.text.byteLength ? [chunk.text.buffer as ArrayBuffer] : []
}

/** Records' UTF-8 one after another, in a buffer of the chunk's own (so that it can be moved). */
class TextBuffer {
  private bytes: Uint8Array = new Uint8Array(0)
  private used = 0

  add(utf8: Uint8Array): void {
    if (this.used + utf8.byteLength > this.bytes.byteLength) {
      // Its own memory, not a slice of Node's shared pool: the buffer is moved to the other thread.
      const grown = Buffer.allocUnsafeSlow(Math.max(TEXT_BYTES, 2 * (this.used + utf8.byteLength)))
      grown.set(this.bytes.subarray(0, this.used))
      this.bytes = grown
    }
    this.bytes.set(utf8, this.used)
    this.used += utf8.byteLength
  }

  take(): Uint8Array {
    const taken = this.bytes.subarray(0, this.used)
    this.bytes = new Uint8Array(0)
    this.used = 0
    return taken
  }
}

export function encodeChunk(chunk: PreparedLine[]): WireChunk {
  const writer = new WireWriter()
  for (const item of chunk) writer.add(item)
  return writer.take()
}

export function decodeChunk({ columns, keyColumn, values, text }: WireChunk): PreparedLine[] {
  const lines: PreparedLine[] = []
  const wire = new WireReader(values, text)
  while (!wire.done()) {
    const line = wire.number()
    const bytes = wire.number()
    if (wire.number() === RECORD)
      lines.push({ line, bytes, record: decodeRecord(columns, keyColumn, wire) })
    else {
      const field = wire.value() as string | null
      const reason = wire.string()
      lines.push({ line, bytes, rejection: { field, reason, raw: wire.string() } })
    }
  }
  return lines
}

class WireReader {
  private i = 0
  private textAt = 0
  constructor(
    private readonly values: Value[],
    private readonly text: Uint8Array,
  ) {}
  done(): boolean {
    return this.i >= this.values.length
  }
  value(): Value {
    return this.values[this.i++] as Value
  }
  number(): number {
    return this.values[this.i++] as number
  }
  string(): string {
    return this.values[this.i++] as string
  }
  /** The next record's text: its bytes in the chunk's text, or a string. */
  recordText(): Uint8Array | string {
    const v = this.values[this.i++]
    if (typeof v === 'string') return v
    const bytes = this.text.subarray(this.textAt, this.textAt + (v as number))
    this.textAt += v as number
    return bytes
  }
}

function encodeRecord(
  r: PreparedRecord,
  columns: string[],
  keyColumn: number,
  values: Value[],
  text: TextBuffer,
): void {
  // A kind builds every record's columns with the same names in the same order.
  if (Object.keys(r.columns).length !== columns.length)
    throw new Error(`record ${r.key} has other columns than its chunk`)
  values.push(RECORD, r.key, r.hash)
  if (r.jsonBytes) {
    text.add(r.jsonBytes)
    values.push(r.jsonBytes.byteLength)
  } else values.push(r.json)
  for (let i = 0; i < columns.length; i++) {
    const value = r.columns[columns[i] as string] ?? null
    if (i !== keyColumn) values.push(value)
    else if (value !== r.key)
      throw new Error(`record ${r.key} has another key column than its chunk`)
  }
  values.push(r.links.length)
  for (const l of r.links) {
    const { identifier, kind, value } = l
    // The value goes only when the identifier is not `kind:value` (links/identifier.ts).
    const derivable =
      identifier.length === kind.length + 1 + value.length &&
      identifier.startsWith(kind) &&
      identifier.endsWith(value)
    values.push(
      identifier,
      kindIndex.get(kind) ?? kind,
      derivable ? null : value,
      l.valid ? 1 : 0,
      roleIndex.get(l.role) ?? l.role,
    )
  }
}

function decodeRecord(columns: string[], keyColumn: number, wire: WireReader): PreparedRecord {
  const key = wire.string()
  const hash = wire.string()
  const json = wire.recordText()
  const row: Record<string, Value> = {}
  for (let i = 0; i < columns.length; i++)
    row[columns[i] as string] = i === keyColumn ? key : wire.value()
  const links: IdentifierLink[] = []
  for (let n = wire.number(); n > 0; n--) {
    const identifier = wire.string()
    const kindAt = wire.value()
    const kind = (typeof kindAt === 'number' ? identifierKinds[kindAt] : kindAt) as IdentifierKind
    const value = (wire.value() as string | null) ?? identifier.slice(kind.length + 1)
    const valid = wire.number() === 1
    const roleAt = wire.value()
    const role = (typeof roleAt === 'number' ? linkRoles[roleAt] : roleAt) as LinkRole
    links.push({ identifier, kind, value, valid, role })
  }
  return typeof json === 'string'
    ? { key, hash, json, columns: row, links }
    : new RecordFromBytes(key, hash, json, row, links)
}

const utf8 = new TextDecoder()

/** A record whose JSON came as bytes: made a string only if something asks for it. */
class RecordFromBytes implements PreparedRecord {
  private text: string | null = null
  constructor(
    readonly key: string,
    readonly hash: string,
    readonly jsonBytes: Uint8Array,
    readonly columns: Record<string, Value>,
    readonly links: IdentifierLink[],
  ) {}
  get json(): string {
    return (this.text ??= utf8.decode(this.jsonBytes))
  }
}
