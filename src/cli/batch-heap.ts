// The young generation of a batch assessment. While a detection index of a million contacts is
// built, every scavenge costs several milliseconds whatever it collects (the old generation's
// pointers into the young one are its roots), and with V8's default semi-space of at most 16 MB
// there were thousands of them: 60 s of the main thread's 165 s of CPU in the contacts stage at
// 1M. A larger semi-space makes them rarer. V8 reads its size only at start, so `grayline assess`
// runs itself again in a child node with the flag (as `grayline serve` does), unless node was
// given one or GRAYLINE_BATCH_HEAP=0.
import { nodeFlagGiven, rerunWithNodeFlags } from '../node-flags.js'

export const BATCH_HEAP_FLAGS = ['--max-semi-space-size=64']

/** null when this process should do the work; otherwise the exit code of the child that did. */
export async function runInChildWithBatchHeap(): Promise<number | null> {
  if (process.env.GRAYLINE_BATCH_HEAP === '0' || nodeFlagGiven('semi-space-size')) return null
  return rerunWithNodeFlags(BATCH_HEAP_FLAGS)
}
