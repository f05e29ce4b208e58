// The consortium service over HTTP on both stores: members get tokens without the service seeing
// a value, a batch proof the member verifies, quotas that stop enumeration, every call audited.
import { randomBytes } from 'node:crypto'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { AuditLog } from '../../src/audit/index.js'
import {
  chargeQuota,
  ConsortiumClient,
  ConsortiumRequestError,
  QuotaExceededError,
  usageThisEpoch,
  usageToday,
} from '../../src/consortium/index.js'
import { createPeer } from '../../src/sharing/sharing-peers.js'
import { registerSharing } from '../../src/server/sharing-setup.js'
import { testStores, useStore } from './stores.js'

const NOW = new Date('2026-05-20T08:00:00Z')

async function serve(t: ReturnType<typeof useStore>, requestsPerMinute = 600) {
  const ctx = { ...t.ctx, clock: { now: () => NOW } }
  const app = Fastify().withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const audit = new AuditLog(ctx)
  registerSharing(app, { ctx, audit }, randomBytes(32), {
    consortium: 'cfc-east',
    requestsPerMinute,
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const member = async (peer_id: string, daily_quota = 1000) => {
    const { token } = await createPeer(ctx, { peer_id, name: peer_id, daily_quota })
    return new ConsortiumClient({ url, token, consortium: 'cfc-east', clock: ctx.clock })
  }
  return { ctx, app, audit, url, member, close: () => app.close().then(() => audit.close()) }
}

describe.each(testStores)('consortium service ($kind)', (s) => {
  const t = useStore(s)

  it.skipIf(!s.available)('gives two members the same token for the same number', async () => {
    const svc = await serve(t)
    try {
      const a = await svc.member('lender-a')
      const b = await svc.member('lender-b')
      const [ta] = await a.tokenise('phone', ['+8619912345678'])
      const [tb, other] = await b.tokenise('phone', ['+8619912345678', '+8613912345678'])
      expect(ta).toBe(tb)
      expect(other).not.toBe(ta)
      await svc.audit.flush()
      const audited = await svc.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'consortium.evaluate')
        .orderBy('seq')
        .execute()
      expect(audited.map((r) => [r.actor, JSON.parse(r.detail!).count])).toEqual([
        ['peer:lender-a', 1],
        ['peer:lender-b', 2],
      ])
      expect(audited.map((r) => r.detail).join()).not.toContain('9912345678')
    } finally {
      await svc.close()
    }
  })

  it.skipIf(!s.available)('stops an enumeration attempt at the daily quota', async () => {
    const svc = await serve(t)
    try {
      const enumerator = await svc.member('curious', 500)
      const range = (from: number) =>
        Array.from({ length: 200 }, (_, i) => `+861990000${String(from + i).padStart(4, '0')}`)
      await enumerator.tokenise('phone', range(0))
      await enumerator.tokenise('phone', range(200))
      const refused = await enumerator.tokenise('phone', range(400)).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(ConsortiumRequestError)
      expect((refused as ConsortiumRequestError).status).toBe(429)
      expect((refused as ConsortiumRequestError).body).toContain('400 of 500')
      await svc.audit.flush()
      const denied = await svc.ctx.db
        .selectFrom('audit_log')
        .select('outcome')
        .where('actor', '=', 'peer:curious')
        .where('outcome', '=', 'denied')
        .execute()
      expect(denied).toHaveLength(1)
    } finally {
      await svc.close()
    }
  })

  it.skipIf(!s.available)('never lets concurrent requests pass the quota together', async () => {
    const peer = { peerId: 'hasty', name: 'hasty', groups: [], dailyQuota: 300, epochQuota: 900 }
    const ctx = { ...t.ctx, clock: { now: () => NOW } }
    const results = await Promise.allSettled([1, 2, 3].map(() => chargeQuota(ctx, peer, 200)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect((await usageToday(ctx, 'hasty')).evaluated).toBe(200)
  })

  it.skipIf(!s.available)('stops a member at its epoch budget, whatever the day', async () => {
    const peer = {
      peerId: 'monthly',
      name: 'monthly',
      groups: [],
      dailyQuota: 500,
      epochQuota: 300,
    }
    const on = (iso: string) => ({ ...t.ctx, clock: { now: () => new Date(iso) } })
    await chargeQuota(on('2026-05-01T08:00:00Z'), peer, 200)
    const refused = await chargeQuota(on('2026-05-02T08:00:00Z'), peer, 200).catch((e) => e)
    expect(refused).toBeInstanceOf(QuotaExceededError)
    expect((refused as QuotaExceededError).message).toContain('200 of 300 used this month')
    expect(await usageThisEpoch(on('2026-05-02T08:00:00Z'), 'monthly')).toBe(200)
    await chargeQuota(on('2026-05-02T08:00:00Z'), peer, 100)
    // A new epoch, a new budget.
    await chargeQuota(on('2026-06-01T00:00:00Z'), peer, 300)
    expect(await usageThisEpoch(on('2026-06-01T00:00:00Z'), 'monthly')).toBe(300)
  })

  it.skipIf(!s.available)('refuses bursts over the rate limit and unknown tokens', async () => {
    const svc = await serve(t, 1)
    try {
      const m = await svc.member('bursty')
      await m.tokenise('wechat', ['agent_wx_01'])
      const third = await m.tokenise('wechat', ['agent_wx_02']).catch((e: unknown) => e)
      expect((third as ConsortiumRequestError).status).toBe(429)
      const res = await fetch(`${svc.url}/consortium/v1/keys/2026-05`, {
        headers: { authorization: 'Bearer gls_not-a-member' },
      })
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    } finally {
      await svc.close()
    }
  })
})
