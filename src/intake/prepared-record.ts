// A validated record with everything the store needs worked out once: key, hash, columns, links.
import type { IdentifierLink } from '../links/identifier.js'
import { recordHash } from './canonical-json.js'
import type { RecordKind } from './record-kinds.js'

export type PreparedRecord = {
  key: string
  hash: string
  /** The record as stored and exported: its JSON text. */
  readonly json: string
  /**
   * The same text as UTF-8 bytes, when the input line held exactly that text: bound to the store
   * as it is. Binding the string instead converts it to UTF-8 on the storing thread (~2–3 µs for
   * a contact's few hundred characters of Chinese, a tenth of that thread's work a contact).
   */
  readonly jsonBytes?: Uint8Array
  columns: Record<string, string | number | null>
  links: IdentifierLink[]
}

/** Where a record was read from: the line's text, and its bytes when they are that text exactly. */
export type RecordSource = { raw: string; utf8?: Uint8Array }

export function prepareRecord<T>(
  kind: RecordKind<T>,
  record: T,
  source?: RecordSource,
): PreparedRecord {
  const json = JSON.stringify(record)
  // Input written as JSON.stringify writes it (an export, the simulator) is the stored text itself.
  const jsonBytes = source?.utf8 && source.raw === json ? source.utf8 : undefined
  return {
    key: kind.key(record),
    hash: recordHash(record),
    json,
    ...(jsonBytes ? { jsonBytes } : {}),
    columns: kind.columns(record),
    links: kind.links(record),
  }
}
