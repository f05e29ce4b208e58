// The young generation of a batch assessment. While a detection index of a million contacts is
// built, every scavenge costs several milliseconds whatever it collects (the old generation's
// pointers into the young one are its roots), and with V8's default semi-space of at most 16 MB
// there were thousands of them: 60 s of the main thread's 165 s of CPU in the contacts stage at
// 1M. A larger semi-space makes them rarer. V8 reads its size only at start, so `grayline assess`
// runs itself again in a child node with the flag (as `grayline serve` does), unless node was
// given one or GRAYLINE_BATCH_HEAP=0. 32 MB, not 64: at 1M contacts the run's peak RSS fell
// 2,120 → 1,925 MB (both halves of the young generation stay resident) in the same wall time.
//
// The flag is the whole process's: every worker thread (the import's line worker, the contact
// preparation, the assessment storage) would get the same young generation, though their
// small heaps make their scavenges cheap anyway. The child sets it back to V8's own choice once
// its main thread is running, so the workers it starts later are made with the default.
import { setFlagsFromString } from 'node:v8'
import { nodeFlagGiven, rerunWithNodeFlags } from '../node-flags.js'

export const BATCH_HEAP_FLAGS = ['--max-semi-space-size=32']

/** Set for the child this module starts: its semi-space flag is ours, not the user's. */
const CHILD_MARK = 'GRAYLINE_BATCH_HEAP_CHILD'

/** The flag workers are made with after the child's main thread took its own (0: V8's default). */
export const WORKER_HEAP_FLAG = '--max-semi-space-size=0'

/** null when this process should do the work; otherwise the exit code of the child that did. */
export async function runInChildWithBatchHeap(): Promise<number | null> {
  if (process.env[CHILD_MARK] === '1') {
    delete process.env[CHILD_MARK]
    setFlagsFromString(WORKER_HEAP_FLAG)
    return null
  }
  if (process.env.GRAYLINE_BATCH_HEAP === '0' || nodeFlagGiven('semi-space-size')) return null
  process.env[CHILD_MARK] = '1'
  try {
    return await rerunWithNodeFlags(BATCH_HEAP_FLAGS)
  } finally {
    delete process.env[CHILD_MARK]
  }
}
