// The outbox after a crash: a message a dispatcher claimed and never finished goes back to pending
// once its lease runs out (the lost attempt counted), fails at the last attempt, and an attempt that
// answers after its lease ran out cannot overwrite what a newer attempt recorded.
import { describe, expect, it } from 'vitest'
import type { Context } from '../../src/context.js'
import type { DeliveryReport, OutboxAdapter, OutboxMessage } from '../../src/verification/index.js'
import {
  claimDue,
  dispatchDue,
  enqueueMessage,
  loadMessage,
  MAX_ATTEMPTS,
} from '../../src/verification/index.js'
import { testStores, useStore } from './stores.js'

const LEASE_MS = 60_000
const START = Date.parse('2026-11-27T08:00:00.000Z')

/** The store's context on a clock the test moves by hand. */
function clocked(ctx: Context) {
  let now = START
  return {
    ctx: { ...ctx, clock: { now: () => new Date(now) } },
    advance: (ms: number) => (now += ms),
  }
}

/** An adapter that records what it was handed and delivers it. */
function recordingAdapter() {
  const handed: OutboxMessage[] = []
  const adapter: OutboxAdapter = {
    name: 'recording',
    deliver: (m) => {
      handed.push(m)
      return Promise.resolve({ status: 'delivered', external_id: `rec:${m.message_id}` })
    },
  }
  return { adapter, handed }
}

describe.each(testStores)('outbox leases on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)(
    'sends a message left sending by a crashed dispatcher again only after its lease ran out',
    async () => {
      const { ctx, advance } = clocked(t.ctx)
      await enqueueMessage(ctx.db, message('om_crash', new Date(START).toISOString()))
      // A dispatcher claims it and dies before the adapter answers.
      await claimDue(ctx.db, ctx.clock.now().toISOString(), 10, LEASE_MS)
      const { adapter, handed } = recordingAdapter()

      advance(LEASE_MS / 2)
      const early = await dispatchDue(ctx, adapter, { leaseMs: LEASE_MS })
      expect(early).toMatchObject({ requeued: 0, delivered: 0 })
      expect(handed).toHaveLength(0)
      expect(await loadMessage(ctx.db, 'om_crash')).toMatchObject({
        status: 'sending',
        delivered_at: null,
      })

      advance(LEASE_MS)
      const later = await dispatchDue(ctx, adapter, { leaseMs: LEASE_MS })
      expect(later).toMatchObject({ requeued: 1, delivered: 1 })
      expect(handed.map((m) => m.message_id)).toEqual(['om_crash'])
      expect(await loadMessage(ctx.db, 'om_crash')).toMatchObject({
        status: 'delivered',
        attempts: 2,
        adapter: 'recording',
        last_error: null,
      })
    },
  )

  it.skipIf(!store.available)(
    'fails a message whose last attempt never finished, without calling it delivered',
    async () => {
      const { ctx, advance } = clocked(t.ctx)
      const now = new Date(START).toISOString()
      await enqueueMessage(ctx.db, { ...message('om_last', now), attempts: MAX_ATTEMPTS - 1 })
      await claimDue(ctx.db, now, 10, LEASE_MS)
      advance(LEASE_MS + 1)
      const { adapter, handed } = recordingAdapter()
      const r = await dispatchDue(ctx, adapter, { leaseMs: LEASE_MS })
      expect(r).toMatchObject({ failed: 1, requeued: 0, delivered: 0 })
      expect(handed).toHaveLength(0)
      expect(await loadMessage(ctx.db, 'om_last')).toMatchObject({
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        delivered_at: null,
        last_error: expect.stringContaining('did not finish'),
      })
    },
  )

  it.skipIf(!store.available)(
    'ignores a slow attempt that answers after its lease ran out and a newer attempt took over',
    async () => {
      const { ctx, advance } = clocked(t.ctx)
      await enqueueMessage(ctx.db, message('om_slow', new Date(START).toISOString()))
      let answerSlow: (r: DeliveryReport) => void = () => undefined
      const slow: OutboxAdapter = {
        name: 'slow',
        deliver: () => new Promise<DeliveryReport>((resolve) => (answerSlow = resolve)),
      }
      const first = dispatchDue(ctx, slow, { leaseMs: LEASE_MS })
      await expect.poll(() => loadMessage(ctx.db, 'om_slow')).toMatchObject({ status: 'sending' })

      advance(LEASE_MS + 1)
      const failing: OutboxAdapter = {
        name: 'gateway',
        deliver: () => Promise.reject(new Error('the gateway answered 503 Service Unavailable')),
      }
      expect(await dispatchDue(ctx, failing, { leaseMs: LEASE_MS })).toMatchObject({
        requeued: 1,
        retrying: 1,
      })
      answerSlow({ status: 'delivered', external_id: 'late' })
      expect(await first).toMatchObject({ lease_lost: 1, delivered: 0 })
      expect(await loadMessage(ctx.db, 'om_slow')).toMatchObject({
        status: 'retrying',
        attempts: 2,
        external_id: null,
        delivered_at: null,
        last_error: expect.stringContaining('503'),
      })
    },
  )
})

function message(id: string, now: string): OutboxMessage {
  return {
    message_id: id,
    task_id: null,
    channel: 'sms',
    customer_id: 'C1',
    recipient: '+8613900001000',
    body: '【客户服务中心】请问您是否授权他人代您办理？',
    status: 'pending',
    attempts: 0,
    adapter: null,
    external_id: null,
    last_error: null,
    next_attempt_at: now,
    created_at: now,
    updated_at: now,
    delivered_at: null,
  }
}
