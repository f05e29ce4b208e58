// Audit rows for a SQLite file go to a worker thread with its own connection (audit-worker.ts):
// on the server's thread an audit row cost about as much as the rest of a screening's own work,
// and a commit that checkpointed the WAL held every request behind it.
import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from '../module-worker.js'
import type { AuditInsert } from './audit-event.js'
import type { AuditBatch, AuditBatchDone } from './audit-worker.js'

type Waiting = { ok: () => void; fail: (e: Error) => void }

export class SqliteAuditWriter {
  private worker: Worker | null = null
  private next = 1
  private readonly waiting = new Map<number, Waiting>()

  constructor(private readonly path: string) {}

  /** Resolves once the rows are committed, in one transaction, after every earlier batch. */
  write(rows: AuditInsert[]): Promise<void> {
    const worker = (this.worker ??= this.start())
    const id = this.next++
    // Held while it owes answers (a CLI command awaiting its last batch must not exit first),
    // and not a moment longer (a forgotten log must not keep a process alive).
    if (this.waiting.size === 0) worker.ref()
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail })
      worker.postMessage({ id, rows } satisfies AuditBatch)
    })
  }

  /** Lets the worker finish what it was given, then ends it. */
  async close(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.worker = null
    const exited = new Promise((ok) => worker.once('exit', ok))
    worker.ref()
    worker.postMessage(null)
    await exited
  }

  private start(): Worker {
    const worker = startModuleWorker(import.meta.url, 'audit-worker', {
      workerData: { path: this.path },
    })
    worker.unref()
    worker.on('message', (done: AuditBatchDone) => {
      const w = this.waiting.get(done.id)
      this.waiting.delete(done.id)
      if (this.waiting.size === 0) worker.unref()
      if (done.error === undefined) w?.ok()
      else w?.fail(new Error(done.error))
    })
    // A dead worker fails what it held (the log keeps those rows and retries) and is replaced.
    const died = (why: string) => {
      if (this.worker === worker) this.worker = null
      for (const w of this.waiting.values()) w.fail(new Error(`audit writer stopped: ${why}`))
      this.waiting.clear()
    }
    worker.on('error', (e) => died(e instanceof Error ? e.message : String(e)))
    worker.on('exit', (code) => died(`exit ${code}`))
    return worker
  }
}
