// The thread of sqlite-audit-writer.ts: appends audit rows through a connection of its own to the
// store's file, so that inserting them into three indexes, committing and checkpointing the WAL
// never hold the server's event loop. Each batch is one transaction, answered once committed.
import type { MessagePort } from 'node:worker_threads'
import { parentPort, workerData } from 'node:worker_threads'
import type SQLite from 'better-sqlite3'
import { openWriterConnection } from '../store/writer-connection.js'
import type { AuditInsert } from './audit-event.js'
import { insertValues, SQLITE_AUDIT_INSERT } from './audit-event.js'

export type AuditBatch = { id: number; rows: AuditInsert[] }
export type AuditBatchDone = { id: number; error?: string }

if (parentPort) serve(parentPort, workerData as { path: string })

function serve(port: MessagePort, o: { path: string }): void {
  const db = openWriterConnection(o.path)
  // Prepared at the first batch, so that a store not migrated yet fails that batch, not the thread.
  let insert: SQLite.Statement<unknown[]> | null = null
  const append = db.transaction((rows: AuditInsert[]) => {
    insert ??= db.prepare<unknown[]>(SQLITE_AUDIT_INSERT)
    for (const r of rows) insert.run(...insertValues(r))
  })
  // null: the writer is closing (every batch before it has been answered).
  port.on('message', (batch: AuditBatch | null) => {
    if (batch === null) {
      db.close()
      port.close()
      return
    }
    let done: AuditBatchDone = { id: batch.id }
    try {
      append(batch.rows)
    } catch (err) {
      done = { id: batch.id, error: err instanceof Error ? err.message : String(err) }
    }
    port.postMessage(done)
  })
}
