// The server's young generation. Beside a million contacts' detection index (~2 GB of old space)
// every scavenge costs ~7 ms whatever it collects, and screening allocates ~60 KB a request: with
// V8's default 1–16 MB semi-space that was a scavenge every 20 ms at 2,000 requests/s, a third of
// the server's thread. With 64 MB it is one every ~½ s. V8 reads the size only at start, so
// `grayline serve` runs itself again in a child node with the flag, unless it was given one.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { nodeFlagGiven, rerunWithNodeFlags } from '../node-flags.js'

export const SERVER_HEAP_FLAGS = ['--min-semi-space-size=64', '--max-semi-space-size=64']

/**
 * The flag is the whole process's: every worker thread started later (the audit writer, the
 * index loader's preparation, a replica's own) would get 2 × 64 MB of young generation it does
 * not need. Once the threads that serve exist (the screening replicas' heaps are made as their
 * threads start), workers go back to V8's default — when the flags are serveInChildWithHeap's.
 */
export function defaultYoungGenerationForWorkers(): boolean {
  if (!SERVER_HEAP_FLAGS.every((f) => process.execArgv.includes(f))) return false
  setFlagsFromString('--max-semi-space-size=0')
  setFlagsFromString('--min-semi-space-size=0')
  return true
}

/**
 * null when this process should serve (its young generation is set, or GRAYLINE_SERVER_HEAP=0);
 * otherwise the exit code of the child that served. SIGINT and SIGTERM are passed on to it.
 */
export async function serveInChildWithHeap(): Promise<number | null> {
  if (process.env.GRAYLINE_SERVER_HEAP === '0' || nodeFlagGiven('semi-space-size')) return null
  return rerunWithNodeFlags(SERVER_HEAP_FLAGS)
}

/**
 * A full collection now, before the server listens. Loading the index leaves a few hundred MB of
 * garbage in a ~2 GB old generation; collected later, while serving, its marking ran in steps of
 * up to 130 ms on the request thread for ~1 s, then paused it for 0.2-0.5 s. Collected here, the
 * next major collection waits until what requests promote fills the old generation again.
 */
export function collectGarbageBeforeServing(): void {
  if (!globalThis.gc) setFlagsFromString('--expose-gc')
  const gc = (globalThis.gc ?? runInNewContext('gc')) as () => void
  gc()
}
