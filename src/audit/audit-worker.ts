// The thread of sqlite-audit-writer.ts: appends audit rows through a connection of its own to the
// store's file, so that inserting them into three indexes, committing and checkpointing the WAL
// never hold the server's event loop. Each batch is one transaction, answered once committed.
import type { MessagePort } from 'node:worker_threads'
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'
import type { AuditInsert } from './audit-event.js'

export type AuditBatch = { id: number; rows: AuditInsert[] }
export type AuditBatchDone = { id: number; error?: string }

const INSERT =
  'insert into audit_log (at, actor, actor_role, action, target_kind, target_id, detail, ip, outcome) ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?, ?)'

if (parentPort) serve(parentPort, workerData as { path: string })

function serve(port: MessagePort, o: { path: string }): void {
  // The pragmas of store/create-db.ts that matter to a writer; the file is already in WAL mode.
  const db = new SQLite(o.path, { fileMustExist: true })
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  // Prepared at the first batch, so that a store not migrated yet fails that batch, not the thread.
  let insert: SQLite.Statement<unknown[]> | null = null
  const append = db.transaction((rows: AuditInsert[]) => {
    insert ??= db.prepare<unknown[]>(INSERT)
    for (const r of rows)
      insert.run(
        r.at,
        r.actor,
        r.actor_role,
        r.action,
        r.target_kind,
        r.target_id,
        r.detail,
        r.ip,
        r.outcome,
      )
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
