// Where a batch run's assessments go: the store, and the assessments file when one is asked for.
// A large run on a SQLite file stores them on a worker thread with its own connection, so the main
// thread assesses the next batch while the last one is inserted and written (storing and writing
// were ~40% of the main thread's time in that stage); otherwise they are stored in place. Either
// way the same rows and the same lines result (assessment-rows.ts).
import type { Worker } from 'node:worker_threads'
import type { Context } from '../context.js'
import { startModuleWorker } from '../module-worker.js'
import { AssessmentFile } from './assessment-file.js'
import { assessmentLine, assessmentRow } from './assessment-rows.js'
import { announceSaved, saveAssessments } from './assessment.repository.js'
import type { ScoredAssessment } from './detector.js'

export type AssessmentStorage = {
  /** Stores a batch and writes its lines; on a worker, resolves once few batches wait. */
  store(batch: ScoredAssessment[]): Promise<void>
  /** Resolves when every batch is stored and the file has its name. */
  finish(): Promise<void>
  /** Stops after a failure elsewhere; the file keeps its temporary name. */
  abandon(): Promise<void>
}

export type StoreWorkerData = { dbPath: string; file: string | null }
export type StoreRequest = { kind: 'store'; id: number; values: unknown[] } | { kind: 'close' }
export type StoreReply =
  { kind: 'stored'; id: number } | { kind: 'closed' } | { kind: 'failed'; message: string }

/**
 * `onWorker`: store on a worker thread when the store is a SQLite file (a throw-away :memory:
 * store, or PostgreSQL, is written in place).
 */
export function startAssessmentStorage(
  ctx: Context,
  now: string,
  opts: { file?: string; onWorker: boolean },
): AssessmentStorage {
  const handle = ctx.sqlite
  if (opts.onWorker && handle && !handle.memory)
    return new WorkerStorage(handle.name, now, opts.file ?? null)
  return inPlace(ctx, now, opts.file)
}

function inPlace(ctx: Context, now: string, file?: string): AssessmentStorage {
  const out = file ? new AssessmentFile(file) : null
  return {
    async store(batch) {
      await saveAssessments(ctx.db, batch, now, ctx.sqlite)
      out?.write(batch.map((a) => assessmentLine(assessmentRow(a, now))))
    },
    finish: () => Promise.resolve(out?.finish()),
    abandon: () => Promise.resolve(out?.abandon()),
  }
}

/** Batches sent ahead of the worker's acknowledgements: one being stored, one waiting. */
const IN_FLIGHT = 2

class WorkerStorage implements AssessmentStorage {
  private readonly worker: Worker
  /** Contact ids of each batch sent and not yet acknowledged, by batch id. */
  private readonly sent = new Map<number, string[]>()
  private nextId = 0
  private failure: Error | null = null
  /** Woken by each reply from the worker (or its failure). */
  private wake: (() => void) | null = null
  private closed = false

  constructor(
    dbPath: string,
    private readonly now: string,
    file: string | null,
  ) {
    this.worker = startModuleWorker(import.meta.url, 'assessment-store-worker', {
      workerData: { dbPath, file } satisfies StoreWorkerData,
    })
    this.worker.on('message', (r: StoreReply) => this.onReply(r))
    // What a worker throws arrives as a copy: a SQLite error as a bare object with its code.
    this.worker.on('error', (e: unknown) =>
      this.fail(e instanceof Error ? e : new Error(`storing assessments: ${JSON.stringify(e)}`)),
    )
    this.worker.on('exit', (code) =>
      this.fail(new Error(`the assessment storing worker stopped (exit code ${code})`)),
    )
  }

  async store(batch: ScoredAssessment[]): Promise<void> {
    this.check()
    const values: unknown[] = []
    for (const a of batch) values.push(...assessmentRow(a, this.now))
    const id = this.nextId++
    this.sent.set(
      id,
      batch.map((a) => a.contact_id),
    )
    this.worker.postMessage({ kind: 'store', id, values } satisfies StoreRequest)
    while (this.sent.size > IN_FLIGHT) await this.nextReply()
  }

  async finish(): Promise<void> {
    while (this.sent.size > 0) await this.nextReply()
    this.worker.postMessage({ kind: 'close' } satisfies StoreRequest)
    while (!this.closed) await this.nextReply()
    await this.stop()
  }

  async abandon(): Promise<void> {
    await this.stop()
  }

  private async stop(): Promise<void> {
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }

  private nextReply(): Promise<void> {
    this.check()
    return new Promise<void>((resolve) => (this.wake = resolve)).then(() => this.check())
  }

  private onReply(r: StoreReply): void {
    if (r.kind === 'failed') return this.fail(new Error(`storing assessments: ${r.message}`))
    if (r.kind === 'closed') this.closed = true
    else {
      announceSaved(this.sent.get(r.id) ?? [])
      this.sent.delete(r.id)
    }
    this.wake?.()
  }

  private fail(e: Error): void {
    this.failure ??= e
    this.wake?.()
  }

  private check(): void {
    if (this.failure) throw this.failure
  }
}
