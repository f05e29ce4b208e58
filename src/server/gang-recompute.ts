// The server recomputes the gangs after an import has been assessed and the detector swapped: in
// the live detector's queue (so never beside another change), once for any number of swaps that
// came in meanwhile. A failure is logged; the previous gangs stay.
import type { Context } from '../context.js'
import type { Detector } from '../detect/index.js'
import { recomputeGangs } from '../gangs/index.js'
import type { LiveDetector } from './live-detector.js'

export function recomputeGangsOnImport(ctx: Context, live: LiveDetector): void {
  // A large installation may rather run `grayline gangs` at night: Louvain holds the event loop.
  if (process.env.GRAYLINE_GANGS_ON_IMPORT === '0') return
  let pending: Detector | null = null
  live.onReplace((detector) => {
    const first = pending === null
    pending = detector
    if (!first) return
    void live.exclusive(async () => {
      const d = pending
      pending = null
      if (!d) return
      try {
        const r = await recomputeGangs(ctx, d)
        ctx.log.info(`gangs: ${r.gangs} recomputed in ${r.ms} ms (${r.created} new)`)
      } catch (e) {
        ctx.log.warn(`gangs: recomputation failed: ${e instanceof Error ? e.message : String(e)}`)
      }
    })
  })
}
