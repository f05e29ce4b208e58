// Screening on more than one core. A call centre's CTI asks POST /api/screen thousands of times a
// second, and one thread's request loop was the limit (HTTP, screening and the answer's JSON all
// on it). A screening replica is a worker thread with its own copy of the detection index that
// accepts connections on the server's own listening socket (the same port; the kernel hands each
// new connection to whichever thread accepts first) and answers POST /api/screen itself. Every
// other request that reaches it is handed to the server's thread (Fastify's inject, with the
// client's address), so there is one place where anything changes. Each change the server makes
// to its detector, call scripts or credentials is announced to the replicas, which repeat it on
// their copy; until a replica has caught up, its screening requests also go to the server's thread.
// The cost is memory: each replica holds a second detection index (server RSS 3.1 GB instead of
// 2.2 GB at 1M contacts).
import { availableParallelism } from 'node:os'
import { PassThrough } from 'node:stream'
import type { Worker } from 'node:worker_threads'
import type { FastifyInstance } from 'fastify'
import type { CredentialCache } from '../access/index.js'
import { onAssessmentsSaved } from '../detect/index.js'
import { startModuleWorker } from '../module-worker.js'
import type { ScriptLibrary } from '../response/index.js'
import type { LiveDetector } from './live-detector.js'
import { newAcceptCounts } from './accept-balance.js'
import type { FromReplica, ReplicaSetup, ReplicaWorkerData, ToReplica } from './replica-messages.js'

/** GRAYLINE_SCREEN_REPLICAS, else one on a machine of two cores or more (none for `:memory:`). */
export function screenReplicaCount(
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
): number {
  const asked = env.GRAYLINE_SCREEN_REPLICAS
  if (asked !== undefined && asked !== '') {
    const n = Number(asked)
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`GRAYLINE_SCREEN_REPLICAS: expected a whole number ≥ 0, got '${asked}'`)
    return n
  }
  return cores >= 2 ? 1 : 0
}

type Sources = {
  app: FastifyInstance
  log: (line: string) => void
  live: LiveDetector
  scripts: ScriptLibrary
  credentials: CredentialCache
}

type ListenOn = Extract<ToReplica, { type: 'listen' }>['on']

export class ScreenReplicas {
  private readonly workers: Worker[]
  private readonly loaded: Promise<void>[]
  private readonly stops: (() => void)[] = []
  private sources: Sources | null = null
  private closed = false

  /** Open connections of the server's thread (slot 0) and each replica: see accept-balance.ts. */
  readonly acceptCounts: Int32Array
  /** Once every replica's thread runs (its heap made with the process's V8 flags of now). */
  readonly started: Promise<void>
  /** Once every replica has loaded its copy of the store (or failed to). */
  readonly loadedAll: Promise<void>

  private constructor(count: number, setup: ReplicaSetup) {
    this.acceptCounts = newAcceptCounts(count + 1)
    this.workers = Array.from({ length: count }, (_, i) =>
      startModuleWorker(import.meta.url, 'screen-replica-worker', {
        workerData: {
          ...setup,
          acceptCounts: this.acceptCounts,
          slot: i + 1,
        } satisfies ReplicaWorkerData,
      }),
    )
    this.loaded = this.workers.map((w) => once(w, 'loaded'))
    this.loadedAll = Promise.allSettled(this.loaded).then(() => undefined)
    this.started = Promise.all(this.workers.map((w) => once(w, 'started'))).then(
      () => undefined,
      () => undefined,
    )
  }

  /** Starts loading `count` replicas now, beside the server's own loading. */
  static start(count: number, setup: ReplicaSetup): ScreenReplicas {
    return new ScreenReplicas(count, setup)
  }

  get size(): number {
    return this.workers.length
  }

  /**
   * Once the server is built: its changes are passed on from now (a replica loads the store as it
   * is after the server's own start-up), and other requests a replica takes are answered by `app`.
   */
  connect(s: Sources): void {
    this.sources = s
    const broadcast = (m: ToReplica) => {
      for (const w of this.workers) w.postMessage(m)
    }
    this.stops.push(s.live.onChange((change) => broadcast({ type: 'detector', change })))
    s.scripts.onPublish(() => broadcast({ type: 'scripts' }))
    // A replica read the call scripts as it loaded, beside the server's own start-up, which stores
    // the file's scripts on a fresh store only when its app is built: read them again now (until
    // it has, screening goes to the server's thread). Without this a replica that read none
    // answered its first screenings with no script, as a 500.
    broadcast({ type: 'scripts' })
    s.credentials.onInvalidate((invalidation) => broadcast({ type: 'credentials', invalidation }))
    this.stops.push(
      onAssessmentsSaved((contactIds) => broadcast({ type: 'assessments-saved', contactIds })),
    )
    for (const w of this.workers) {
      const bodies = new Map<number, PassThrough>()
      w.on('message', (m: FromReplica) => this.onMessage(w, bodies, m))
    }
  }

  /**
   * Waits for every replica's index, then has each accept on `on`; resolves with their ports. A
   * replica that failed to load is stopped and left out (it never held the descriptor): the
   * server's thread answers alone then, as without replicas.
   */
  async listen(on: ListenOn | ((replica: number) => ListenOn)): Promise<number[]> {
    const ports: number[] = []
    for (const [i, w] of [...this.workers].entries()) {
      try {
        await this.loaded[i]
      } catch (e) {
        this.sources?.log(
          `screening replica not started: ${e instanceof Error ? e.message : String(e)}`,
        )
        this.workers.splice(this.workers.indexOf(w), 1)
        await w.terminate()
        continue
      }
      const listening = once<{ port: number }>(w, 'listening')
      w.postMessage({
        type: 'listen',
        on: typeof on === 'function' ? on(i) : on,
      } satisfies ToReplica)
      ports.push((await listening).port)
    }
    return ports
  }

  /** The replicas' listening descriptors as this thread received them: held, never closed here. */
  keep(handles: unknown[]): void {
    this.kept.push(...handles)
  }

  private readonly kept: unknown[] = []

  /** Stops the replicas (each closes its own listening descriptor as it ends). */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const stop of this.stops) stop()
    await Promise.all(
      this.workers.map(async (w) => {
        const done = once(w, 'closed')
        w.postMessage({ type: 'close' } satisfies ToReplica)
        await done.catch(() => undefined)
        await w.terminate()
      }),
    )
  }

  private onMessage(w: Worker, bodies: Map<number, PassThrough>, m: FromReplica): void {
    if (m.type === 'request') {
      const body = new PassThrough()
      bodies.set(m.id, body)
      const hasBody =
        m.headers['transfer-encoding'] !== undefined || Number(m.headers['content-length'] ?? 0) > 0
      void this.answer(w, m, hasBody ? body : undefined)
    } else if (m.type === 'body') bodies.get(m.id)?.write(Buffer.from(m.chunk))
    else if (m.type === 'end' || m.type === 'abort') {
      const body = bodies.get(m.id)
      bodies.delete(m.id)
      if (m.type === 'end') body?.end()
      else body?.destroy(new Error('the client went away'))
    } else if (m.type === 'failed')
      // The replica keeps the change it could not make at the head of its queue, so it hands
      // every request to this thread from now on: never an answer from its older copy.
      this.sources?.log(
        `screening replica: ${m.message}; its requests are answered by the server's thread`,
      )
  }

  private async answer(
    w: Worker,
    m: Extract<FromReplica, { type: 'request' }>,
    payload: PassThrough | undefined,
  ): Promise<void> {
    const app = this.sources?.app
    let reply: ToReplica
    try {
      if (!app) throw new Error('the server is not ready')
      const r = await app.inject({
        method: m.method,
        url: m.url,
        headers: m.headers,
        remoteAddress: m.remoteAddress,
        ...(payload ? { payload } : {}),
      })
      const body = new Uint8Array(r.rawPayload)
      reply = { type: 'response', id: m.id, status: r.statusCode, headers: r.headers, body }
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e)
      const body = new Uint8Array(
        Buffer.from(
          JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail }),
        ),
      )
      reply = {
        type: 'response',
        id: m.id,
        status: 502,
        headers: { 'content-type': 'application/problem+json' },
        body,
      }
    }
    w.postMessage(reply, [reply.body.buffer as ArrayBuffer])
  }
}

/** The next message of `type` from a replica; rejects if it exits or fails first. */
function once<T = unknown>(w: Worker, type: FromReplica['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromReplica) => {
      if (m.type === type) {
        off()
        resolve(m as T)
      } else if (m.type === 'failed') {
        off()
        reject(new Error(`screening replica: ${m.message}`))
      }
    }
    const onError = (e: Error) => {
      off()
      reject(e)
    }
    const onExit = (code: number) => {
      off()
      reject(new Error(`screening replica exited (${code}) before '${type}'`))
    }
    const off = () => {
      w.off('message', onMessage)
      w.off('error', onError)
      w.off('exit', onExit)
    }
    w.on('message', onMessage)
    w.on('error', onError)
    w.on('exit', onExit)
  })
}
