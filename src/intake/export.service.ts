// Writes interchange v1 back out: each record exactly as it was accepted (extra fields included),
// so import -> export -> import is a no-op.
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Context } from '../context.js'
import { keysetPages } from '../store/keyset-pages.js'
import type { RecordKindName } from './record-kinds.js'
import { recordKinds } from './record-kinds.js'

export async function exportRecords(
  ctx: Context,
  kindName: RecordKindName,
  out: Writable,
): Promise<number> {
  const kind = recordKinds[kindName]
  const order = kindName === 'contacts' ? 'received_at' : kind.keyColumn
  let written = 0
  for await (const rows of keysetPages<{ record: string }>(ctx.db, {
    table: kind.table,
    order,
    key: kind.keyColumn,
    columns: ['record'],
  })) {
    for (const r of rows) if (!out.write(`${r.record}\n`)) await once(out, 'drain')
    written += rows.length
  }
  return written
}
