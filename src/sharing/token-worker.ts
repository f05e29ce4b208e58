// The worker thread of token-pool.ts: runs one POPRF step at a time for the thread that asked, so
// that a sharing round or the consortium service never holds its event loop for seconds.
import type { MessagePort } from 'node:worker_threads'
import { parentPort } from 'node:worker_threads'
import type { TokenJob, TokenReply } from './token-pool.js'
import { runJob } from './token-pool.js'

if (parentPort) serve(parentPort)

function serve(port: MessagePort): void {
  port.on('message', (job: TokenJob & { id: number }) => {
    let reply: TokenReply
    try {
      reply = { id: job.id, ok: true, result: runJob(job) }
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      reply = { id: job.id, ok: false, error: e.message, name: e.name }
    }
    port.postMessage(reply)
  })
}
