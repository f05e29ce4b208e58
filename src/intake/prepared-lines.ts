// The prepared lines of an input file, for a big file from a worker thread: it reads, validates
// and normalises while this thread writes to the store, so the two cores share the import.
import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from '../module-worker.js'
import type { PreparedLine } from './line-preparation.js'
import { prepareLines } from './line-preparation.js'
import type { WireChunk } from './line-wire.js'
import { decodeChunk } from './line-wire.js'
import type { RecordKindName } from './record-kinds.js'

export type LineWorkerData = { file: string; kindName: RecordKindName }

/**
 * Chunks the worker may run ahead of the store (16,000 lines): enough to keep it busy while a
 * commit (up to half a second) holds the store, few enough that what waits stays a few tens of MB.
 */
export const CHUNKS_AHEAD = 80

/** Below this size a worker's start-up (about half a second from source) costs more than it saves. */
export const WORKER_MIN_BYTES = 16 * 2 ** 20

export function preparedLines(
  file: string,
  kindName: RecordKindName,
  onWorker: boolean,
): AsyncGenerator<PreparedLine[]> {
  return onWorker ? linesFromWorker({ file, kindName }) : prepareLines(file, kindName)
}

async function* linesFromWorker(data: LineWorkerData): AsyncGenerator<PreparedLine[]> {
  const worker = startModuleWorker(import.meta.url, 'line-worker', { workerData: data })
  const inbox = new Inbox(worker)
  try {
    for (let chunk = await inbox.next(); chunk !== null; chunk = await inbox.next()) {
      worker.postMessage('more')
      yield chunk
    }
  } finally {
    await worker.terminate()
  }
}

/** The worker's messages in order: chunks, then null at the end of the file, or its failure. */
class Inbox {
  /** Kept as they came, decoded only when taken: what waits stays compact. */
  private readonly chunks: (WireChunk | null)[] = []
  private failure: Error | null = null
  private wake: (() => void) | null = null

  constructor(worker: Worker) {
    worker.on('message', (chunk: WireChunk | null) => this.settle(() => this.chunks.push(chunk)))
    worker.on('error', (e) => this.settle(() => (this.failure ??= e)))
    const stopped = (code: number) => new Error(`the line worker stopped early (exit code ${code})`)
    worker.on('exit', (code) => this.settle(() => (this.failure ??= stopped(code))))
  }

  async next(): Promise<PreparedLine[] | null> {
    for (;;) {
      const chunk = this.chunks.shift()
      if (chunk !== undefined) return chunk && decodeChunk(chunk)
      if (this.failure) throw this.failure
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  private settle(change: () => void): void {
    change()
    this.wake?.()
    this.wake = null
  }
}
