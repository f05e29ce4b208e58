// The audit writer: events are buffered in memory and written in batches (a multi-row insert; a
// SQLite file's by a worker thread of its own, an in-memory one's by one prepared statement a few
// hundred rows at a time), so that a request never waits for the audit log. Nothing is dropped: a
// failed write is retried, and close() reports events that could still not be written.
import type { Context } from '../context.js'
import { preparedStatement } from '../store/dialect.js'
import type { AuditEvent, AuditInsert } from './audit-event.js'
import { insertValues, SQLITE_AUDIT_INSERT, toInsert } from './audit-event.js'
import { SqliteAuditWriter } from './sqlite-audit-writer.js'

export type AuditLogOptions = { flushMs?: number; maxBuffered?: number }

// Ten columns a row: 1,000 rows stay far below both stores' bound-parameter limits.
const ROWS_PER_INSERT = 1000
// In-memory SQLite writes on the server's own thread: a few hundred rows at a time, then requests run.
const SQLITE_ROWS_PER_WRITE = 250
const MAX_RETRY_MS = 30_000

export class AuditLog {
  private readonly flushMs: number
  private readonly maxBuffered: number
  private buffer: AuditInsert[] = []
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> = Promise.resolve()
  private queued = false
  private failures = 0
  private closed = false
  private readonly worker: SqliteAuditWriter | null

  constructor(
    private readonly ctx: Context,
    o: AuditLogOptions = {},
  ) {
    this.flushMs = o.flushMs ?? 250
    this.maxBuffered = o.maxBuffered ?? 1000
    const file = ctx.sqlite && !ctx.sqlite.memory ? ctx.sqlite.name : null
    this.worker = file ? new SqliteAuditWriter(file) : null
  }

  /** Events buffered and not yet written. */
  get pending(): number {
    return this.buffer.length
  }

  record(e: AuditEvent): void {
    this.buffer.push(toInsert(e, this.ctx.clock.now()))
    // While the store is failing, the backoff timer retries: each new event must not hammer it.
    const full = this.buffer.length >= this.maxBuffered && this.failures === 0
    if (full || this.closed) void this.flush()
    else this.schedule(this.flushMs)
  }

  /** Writes everything buffered so far. Never rejects: a failure is logged and retried later. */
  flush(): Promise<void> {
    this.cancelTimer()
    if (!this.queued) {
      this.queued = true
      this.writing = this.writing.then(() => {
        this.queued = false
        return this.writeBuffered()
      })
    }
    return this.writing
  }

  /** Flushes and stops the timer; rejects when events remain that could not be written. */
  async close(): Promise<void> {
    this.closed = true
    await this.flush()
    this.cancelTimer()
    await this.worker?.close()
    if (this.buffer.length > 0)
      throw new Error(`audit log: ${this.buffer.length} events could not be written`)
  }

  private async writeBuffered(): Promise<void> {
    while (this.buffer.length > 0) {
      // Rows leave the buffer only once written: a failed insert keeps them, in order.
      const onThread = this.ctx.sqlite && !this.worker
      const rows = this.buffer.slice(0, onThread ? SQLITE_ROWS_PER_WRITE : ROWS_PER_INSERT)
      try {
        await this.insert(rows)
      } catch (err) {
        this.failures++
        const delay = Math.min(this.flushMs * 2 ** this.failures, MAX_RETRY_MS)
        this.ctx.log.warn(
          `audit log: could not write ${this.buffer.length} events (${String(err)}); ` +
            `kept in memory, retrying in ${Math.round(delay / 1000)} s`,
        )
        if (!this.closed) this.schedule(delay)
        return
      }
      this.buffer.splice(0, rows.length)
      this.failures = 0
      if (onThread && this.buffer.length > 0) await new Promise(setImmediate)
    }
  }

  private async insert(rows: AuditInsert[]): Promise<void> {
    if (this.worker) return this.worker.write(rows)
    const handle = this.ctx.sqlite
    if (!handle) {
      await this.ctx.db.insertInto('audit_log').values(rows).execute()
      return
    }
    // One statement prepared once and run per row, instead of compiling and preparing a new
    // thousand-row insert for every write: inside a transaction Kysely holds, so that no other
    // query shares it (as store/dialect.ts's bulk writes do).
    await this.ctx.db.transaction().execute(() => {
      const insert = preparedStatement(handle, SQLITE_AUDIT_INSERT)
      for (const r of rows) insert.run(...insertValues(r))
      return Promise.resolve()
    })
  }

  private schedule(ms: number): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, ms)
    this.timer.unref()
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
