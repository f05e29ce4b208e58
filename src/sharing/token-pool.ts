// Worker threads for the POPRF's CPU work (a millisecond or so of scalar multiplications per
// identifier): blinding and finalising on a member, evaluating on the consortium service. Batches
// below `inThreadBelow` run on the calling thread — a worker's start-up from source costs about
// half a second, more than a small batch does. One pool per process, created on first use.
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from '../module-worker.js'
import type { BlindedBatch, EvaluatedBatch } from './token-batch.js'
import { blindBatch, evaluateBatch, finaliseBatch, TokenProofError } from './token-batch.js'
import { PoprfError } from './poprf-ristretto.js'
import type { TokenDomain } from './token-suite.js'

export type TokenJob =
  | { op: 'blind'; domain: TokenDomain; values: string[]; publicKey: Uint8Array }
  | { op: 'finalise'; batch: BlindedBatch; reply: EvaluatedBatch }
  | { op: 'evaluate'; domain: TokenDomain; secretKey: Uint8Array; blinded: Uint8Array[] }

export type TokenReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string; name: string }

export function runJob(job: TokenJob): unknown {
  switch (job.op) {
    case 'blind':
      return blindBatch(job.domain, job.values, job.publicKey)
    case 'finalise':
      return finaliseBatch(job.batch, job.reply)
    case 'evaluate':
      return evaluateBatch(job.domain, job.secretKey, job.blinded)
  }
}

/** Byte arrays come back from a worker as Uint8Arrays (a Buffer's class is not kept). */
function size(job: TokenJob): number {
  return job.op === 'blind'
    ? job.values.length
    : job.op === 'finalise'
      ? job.batch.values.length
      : job.blinded.length
}

export type TokenPoolOptions = { workers?: number; inThreadBelow?: number }

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void }

export class TokenPool {
  readonly workers: number
  private readonly inThreadBelow: number
  private readonly idle: Worker[] = []
  private readonly all: Worker[] = []
  private readonly queue: { job: TokenJob; pending: Pending }[] = []
  private readonly pending = new Map<Worker, Pending>()
  private nextId = 1

  constructor(o: TokenPoolOptions = {}) {
    this.workers = Math.max(0, o.workers ?? defaultWorkers())
    this.inThreadBelow = o.inThreadBelow ?? 256
  }

  blind(domain: TokenDomain, values: string[], publicKey: Uint8Array): Promise<BlindedBatch> {
    return this.run({ op: 'blind', domain, values, publicKey }) as Promise<BlindedBatch>
  }

  /** Tokens in the order of the batch's values; rejects with TokenProofError as finaliseBatch. */
  finalise(batch: BlindedBatch, reply: EvaluatedBatch): Promise<string[]> {
    return this.run({ op: 'finalise', batch, reply }) as Promise<string[]>
  }

  evaluate(domain: TokenDomain, secretKey: Uint8Array, blinded: Uint8Array[]) {
    return this.run({ op: 'evaluate', domain, secretKey, blinded }) as Promise<EvaluatedBatch>
  }

  async close(): Promise<void> {
    const workers = this.all.splice(0)
    this.idle.length = 0
    await Promise.all(workers.map((w) => w.terminate()))
  }

  private run(job: TokenJob): Promise<unknown> {
    if (this.workers === 0 || size(job) < this.inThreadBelow) {
      try {
        return Promise.resolve(runJob(job))
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)))
      }
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job, pending: { resolve, reject } })
      this.dispatch()
    })
  }

  private dispatch(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.all.length < this.workers ? this.spawn() : null)
      if (!worker) return
      const { job, pending } = this.queue.shift()!
      this.pending.set(worker, pending)
      worker.ref()
      worker.postMessage({ ...job, id: this.nextId++ })
    }
  }

  private spawn(): Worker {
    const worker = startModuleWorker(import.meta.url, 'token-worker')
    this.all.push(worker)
    worker.on('message', (reply: TokenReply) => {
      const pending = this.pending.get(worker)
      this.pending.delete(worker)
      worker.unref()
      this.idle.push(worker)
      if (reply.ok) pending?.resolve(reply.result)
      else pending?.reject(rebuild(reply.name, reply.error))
      this.dispatch()
    })
    const fail = (err: Error) => {
      for (const list of [this.all, this.idle]) {
        const i = list.indexOf(worker)
        if (i >= 0) list.splice(i, 1)
      }
      this.pending.get(worker)?.reject(err)
      this.pending.delete(worker)
      this.dispatch()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`a token worker stopped (exit code ${code})`)))
    return worker
  }
}

function rebuild(name: string, message: string): Error {
  if (name === 'TokenProofError') {
    const e = new TokenProofError('')
    e.message = message
    return e
  }
  if (name === 'PoprfError') return new PoprfError(message)
  return new Error(message)
}

function defaultWorkers(): number {
  const env = process.env.GRAYLINE_TOKEN_WORKERS
  if (env !== undefined && env !== '') return Number(env)
  return Math.min(4, Math.max(1, availableParallelism() - 1))
}

let shared: TokenPool | null = null

/** The process's pool (GRAYLINE_TOKEN_WORKERS threads; by default one fewer than the cores, 1–4). */
export function tokenPool(): TokenPool {
  return (shared ??= new TokenPool())
}
