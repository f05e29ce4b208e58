// How far V8 lets the heap grow past what the last full collection kept. Left to itself it grows
// the limit by a factor of up to 4 when the program allocates fast, and building a detection index
// allocates fast: at 100,000 contacts the heap reached 2–2.5× what it held, and the process's
// memory followed. Held to 1.15× during a batch run, the peak falls to ~1.5× (a few more full
// collections, most of their marking done on V8's helper threads).
import { setFlagsFromString } from 'node:v8'
import { nodeFlagGiven } from '../node-flags.js'

/** Percent over the kept heap; GRAYLINE_HEAP_GROWTH overrides it, 0 leaves V8 to decide. */
const DEFAULT_PERCENT = 15

let holders = 0

/**
 * Runs `fn` with the heap's growth held close. The setting is process-wide: it is taken back when
 * the last holder ends, and never touched when the user gave node the flag themselves.
 */
export async function withHeapHeldClose<T>(fn: () => Promise<T>): Promise<T> {
  const percent = growthPercent()
  if (percent === null) return fn()
  if (holders++ === 0) setFlagsFromString(`--heap-growing-percent=${percent}`)
  try {
    return await fn()
  } finally {
    if (--holders === 0) setFlagsFromString('--heap-growing-percent=0')
  }
}

function growthPercent(): number | null {
  if (nodeFlagGiven('heap-growing-percent')) return null
  const env = process.env.GRAYLINE_HEAP_GROWTH
  const percent = env === undefined || env === '' ? DEFAULT_PERCENT : Number(env)
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000)
    throw new Error(
      `GRAYLINE_HEAP_GROWTH must be a whole percent between 0 and 1000 (got "${env}"); unset it to use ${DEFAULT_PERCENT}`,
    )
  return percent === 0 ? null : percent
}
