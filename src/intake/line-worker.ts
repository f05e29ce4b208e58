// The worker thread of prepared-lines.ts: prepares the file's lines and hands them over a chunk
// at a time, never more than CHUNKS_AHEAD chunks ahead of the thread that stores them.
import type { MessagePort } from 'node:worker_threads'
import { parentPort, workerData } from 'node:worker_threads'
import { prepareChunks } from './line-preparation.js'
import { transferOf, WireWriter } from './line-wire.js'
import type { LineWorkerData } from './prepared-lines.js'
import { CHUNKS_AHEAD } from './prepared-lines.js'

if (parentPort) await handOver(parentPort, workerData as LineWorkerData)

async function handOver(port: MessagePort, { file, kindName }: LineWorkerData): Promise<void> {
  let credit = CHUNKS_AHEAD
  let resume: (() => void) | null = null
  port.on('message', () => {
    credit++
    resume?.()
  })
  for await (const chunk of prepareChunks(file, kindName, new WireWriter())) {
    while (credit === 0) await new Promise<void>((r) => (resume = r))
    credit--
    port.postMessage(chunk, transferOf(chunk))
  }
  port.postMessage(null)
  port.unref()
}
