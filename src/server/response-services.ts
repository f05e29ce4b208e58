// The response modules wired for the server: calls re-assess through the live detector, verification
// messages leave through the configured outbox adapter, pumped every few seconds and right after
// a message is queued.
import { dirname, join } from 'node:path'
import type { Context } from '../context.js'
import type { MaterialStandards } from '../representatives/index.js'
import { loadMaterialStandards } from '../representatives/index.js'
import type { CallDeps, ScriptLibrary } from '../response/index.js'
import { Reassessment } from '../response/index.js'
import type { ConfiguredAdapter, VerificationDeps } from '../verification/index.js'
import { createVerificationTask, dispatchDue, outboxAdapterFromEnv } from '../verification/index.js'
import type { LiveDetector } from './live-detector.js'

const PUMP_MS = 5000

/** GRAYLINE_OUTBOX_LEASE_SECONDS: how long a claimed message may stay `sending` before a retry. */
function leaseMs(env: NodeJS.ProcessEnv): number | undefined {
  const s = Number(env.GRAYLINE_OUTBOX_LEASE_SECONDS)
  return Number.isFinite(s) && s > 0 ? s * 1000 : undefined
}

export type ResponseServices = {
  calls: CallDeps
  verification: VerificationDeps
  standards: MaterialStandards
  outbox: ConfiguredAdapter
  pump(): Promise<void>
  close(): Promise<void>
}

export function responseServices(
  ctx: Context,
  live: LiveDetector,
  scripts: ScriptLibrary,
  uploadDir: string,
): ResponseServices {
  const reassess = new Reassessment(ctx, live)
  const outbox = outboxAdapterFromEnv(process.env, join(dirname(uploadDir), 'outbox'))
  const lease = leaseMs(process.env)
  let pumping: Promise<void> = Promise.resolve()
  // One pump at a time; a failure is logged, the next tick tries again.
  const pump = () =>
    (pumping = pumping.then(async () => {
      await dispatchDue(ctx, outbox.adapter, { leaseMs: lease }).catch((e: unknown) =>
        ctx.log.warn(`outbox: ${e instanceof Error ? e.message : String(e)}`),
      )
    }))
  const verification: VerificationDeps = { ctx, reassess, onQueued: () => void pump() }
  const calls: CallDeps = {
    ctx,
    scripts,
    reassess,
    requestVerification: async (run, actor) =>
      run.customer_id
        ? (
            await createVerificationTask(verification, {
              customerId: run.customer_id,
              contactId: run.contact_id,
              callId: run.call_id,
              channel: 'callback',
              actor,
            })
          ).task
        : null,
  }
  const timer = setInterval(() => void pump(), PUMP_MS)
  timer.unref()
  return {
    calls,
    verification,
    standards: loadMaterialStandards(process.env.GRAYLINE_MATERIAL_STANDARDS),
    outbox,
    pump,
    close: async () => {
      clearInterval(timer)
      await pumping
    },
  }
}
