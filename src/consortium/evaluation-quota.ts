// Per-member limits that make enumerating the phone space impossible in practice: a quota of
// evaluations per epoch and per day (counted in the store, so they hold across restarts and server
// processes; the reasoning for the defaults is at DEFAULT_EPOCH_QUOTA in sharing-peers.ts) and a
// request rate limit (in memory, per process) against bursts.
import { sql } from 'kysely'
import type { Context } from '../context.js'
import type { SharingPeer } from '../sharing/sharing-peers.js'

export class QuotaExceededError extends Error {
  readonly code = 'quota_exceeded'
  constructor(
    readonly used: number,
    readonly quota: number,
    readonly retryAfterSeconds: number,
    readonly period: 'day' | 'epoch' = 'day',
  ) {
    super(
      period === 'day'
        ? `daily evaluation quota reached: ${used} of ${quota} used today (UTC)`
        : `evaluation quota of this epoch reached: ${used} of ${quota} used this month (UTC)`,
    )
  }
}

export class RateLimitedError extends Error {
  readonly code = 'rate_limited'
  constructor(readonly retryAfterSeconds: number) {
    super('too many evaluation requests; slow down')
  }
}

export type UsageToday = { day: string; evaluated: number; requests: number }

export async function usageToday(ctx: Context, peerId: string): Promise<UsageToday> {
  const day = ctx.clock.now().toISOString().slice(0, 10)
  const row = await ctx.db
    .selectFrom('consortium_usage')
    .select(['evaluated', 'requests'])
    .where('peer_id', '=', peerId)
    .where('day', '=', day)
    .executeTakeFirst()
  return { day, evaluated: Number(row?.evaluated ?? 0), requests: Number(row?.requests ?? 0) }
}

/**
 * Counts `n` evaluations against today's quota and the epoch's (the calendar month's), or refuses
 * the whole batch: a partly served batch would only teach an enumerator where the edge is. The
 * daily check and the count are one statement, so that concurrent requests (or server processes)
 * cannot both pass the last check; the epoch's is checked after counting and the charge taken back
 * when it went over, so that concurrent requests at its edge can at worst both be refused.
 */
export async function chargeQuota(ctx: Context, peer: SharingPeer, n: number): Promise<void> {
  const now = ctx.clock.now()
  const day = now.toISOString().slice(0, 10)
  const counted =
    n <= peer.dailyQuota &&
    (await ctx.db
      .insertInto('consortium_usage')
      .values({ peer_id: peer.peerId, day, evaluated: n, requests: 1 })
      .onConflict((oc) =>
        oc
          .columns(['peer_id', 'day'])
          .doUpdateSet({
            evaluated: sql`consortium_usage.evaluated + ${n}`,
            requests: sql`consortium_usage.requests + 1`,
          })
          .where(sql<number>`consortium_usage.evaluated + ${n}`, '<=', peer.dailyQuota),
      )
      .returning('evaluated')
      .executeTakeFirst()) !== undefined
  if (!counted) {
    const used = await usageToday(ctx, peer.peerId)
    throw new QuotaExceededError(used.evaluated, peer.dailyQuota, secondsToMidnight(now))
  }
  const epochUsed = await usageThisEpoch(ctx, peer.peerId)
  if (epochUsed > peer.epochQuota) {
    await ctx.db
      .updateTable('consortium_usage')
      .set({ evaluated: sql`evaluated - ${n}`, requests: sql`requests - 1` })
      .where('peer_id', '=', peer.peerId)
      .where('day', '=', day)
      .execute()
    throw new QuotaExceededError(epochUsed - n, peer.epochQuota, secondsToNextMonth(now), 'epoch')
  }
}

/** Evaluations counted for a member this calendar month (the current epoch), all days together. */
export async function usageThisEpoch(ctx: Context, peerId: string): Promise<number> {
  const month = ctx.clock.now().toISOString().slice(0, 7)
  const row = await ctx.db
    .selectFrom('consortium_usage')
    .select((eb) => eb.fn.sum<number | string>('evaluated').as('evaluated'))
    .where('peer_id', '=', peerId)
    .where('day', '>=', `${month}-01`)
    .where('day', '<=', `${month}-31`)
    .executeTakeFirst()
  return Number(row?.evaluated ?? 0)
}

function secondsToNextMonth(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
  return Math.ceil((next - now.getTime()) / 1000)
}

function secondsToMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  return Math.ceil((midnight - now.getTime()) / 1000)
}

/** A token bucket per member: `perMinute` requests, refilled continuously. */
export class RequestRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly perMinute = 120) {}

  take(peerId: string, nowMs: number): void {
    const b = this.buckets.get(peerId) ?? { tokens: this.perMinute, at: nowMs }
    b.tokens = Math.min(this.perMinute, b.tokens + ((nowMs - b.at) * this.perMinute) / 60_000)
    b.at = nowMs
    if (b.tokens < 1) {
      this.buckets.set(peerId, b)
      throw new RateLimitedError(Math.ceil(((1 - b.tokens) * 60) / this.perMinute))
    }
    b.tokens -= 1
    this.buckets.set(peerId, b)
  }
}
