// A validated record with everything the store needs worked out once: key, hash, columns, links.
import type { IdentifierLink } from '../links/identifier.js'
import { recordHash } from './canonical-json.js'
import type { RecordKind } from './record-kinds.js'

export type PreparedRecord = {
  key: string
  hash: string
  json: string
  columns: Record<string, string | number | null>
  links: IdentifierLink[]
}

export function prepareRecord<T>(kind: RecordKind<T>, record: T): PreparedRecord {
  return {
    key: kind.key(record),
    hash: recordHash(record),
    json: JSON.stringify(record),
    columns: kind.columns(record),
    links: kind.links(record),
  }
}
