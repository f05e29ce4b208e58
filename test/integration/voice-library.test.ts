// The voice library on both stores: consent before enrolment, agent voices with who and why,
// call embeddings kept for their retention then purged, deletion on request, and search.
import { describe, expect, it } from 'vitest'
import type { Context } from '../../src/context.js'
import {
  addAgentVoice,
  agentVoiceIndex,
  callsWithVoice,
  deleteCustomerVoice,
  enrolCustomerVoice,
  purgeExpiredCallVoices,
  recordCallVoice,
  recordVoiceConsent,
  keepVoiceIndexesIn,
  persistVoiceIndexes,
  removeAgentVoice,
  scoreAgainstEnrolment,
  VoiceConsentError,
} from '../../src/voice/library/index.js'
import { testStores, useStore } from './stores.js'

const MODEL = 'test-speaker.onnx'

function voice(
  seed: number,
  noise = 0,
): { embedding: Float32Array; speechSeconds: number; model: string } {
  const embedding = Float32Array.from(
    { length: 16 },
    (_, i) => Math.sin(seed * (i + 1)) + noise * Math.cos(7 * i),
  )
  return { embedding, speechSeconds: 4.2, model: MODEL }
}

function at(ctx: Context, iso: string): Context {
  return { ...ctx, clock: { now: () => new Date(iso) } }
}

describe.each(testStores)('voice library on $kind', (s) => {
  const t = useStore(s)

  it.runIf(s.available)('enrols a customer only with a standing consent record', async () => {
    const ctx = t.ctx
    const input = {
      customerId: 'C1001',
      consentId: 'vc_none',
      voiceprint: voice(1),
      enrolledBy: 'handler',
    }
    await expect(enrolCustomerVoice(ctx, input)).rejects.toThrow(VoiceConsentError)
    const consentId = await recordVoiceConsent(ctx, {
      customerId: 'C1001',
      channel: 'app',
      evidence: 'in-app consent form v3, accepted',
      recordedBy: 'handler',
    })
    await enrolCustomerVoice(ctx, { ...input, consentId })
    expect(
      await scoreAgainstEnrolment(ctx, 'C1001', voice(1, 0.05).embedding, MODEL),
    ).toBeGreaterThan(0.95)
    expect(await scoreAgainstEnrolment(ctx, 'C1001', voice(5).embedding, MODEL)).toBeLessThan(0.9)
    expect(
      await scoreAgainstEnrolment(ctx, 'C1001', voice(1).embedding, 'another-model'),
    ).toBeNull()
  })

  it.runIf(s.available)(
    'deletes a customer voiceprint on request and refuses re-enrolment on that consent',
    async () => {
      const ctx = t.ctx
      const consentId = await recordVoiceConsent(ctx, {
        customerId: 'C1002',
        channel: 'call',
        evidence: 'recorded verbal consent, call 8812',
        recordedBy: 'agent',
      })
      await enrolCustomerVoice(ctx, {
        customerId: 'C1002',
        consentId,
        voiceprint: voice(2),
        enrolledBy: 'agent',
      })
      await recordCallVoice(ctx, {
        contactId: 'K9',
        claimedCustomerId: 'C1002',
        side: 'caller',
        voiceprint: voice(2, 0.01),
      })
      expect(await callsWithVoice(ctx, voice(2).embedding, MODEL, 0.9)).toHaveLength(1)
      expect(await deleteCustomerVoice(ctx, 'C1002')).toEqual({ enrolments: 1, callVoices: 1 })
      expect(await scoreAgainstEnrolment(ctx, 'C1002', voice(2).embedding, MODEL)).toBeNull()
      expect(await callsWithVoice(ctx, voice(2).embedding, MODEL, 0.9)).toHaveLength(0)
      const again = { customerId: 'C1002', consentId, voiceprint: voice(2), enrolledBy: 'agent' }
      await expect(enrolCustomerVoice(ctx, again)).rejects.toThrow(VoiceConsentError)
    },
  )

  it.runIf(s.available)(
    'keeps known agent voices with who added them and why, and finds them',
    async () => {
      const ctx = t.ctx
      const reason = 'confirmed agency caller in case K-2026-014'
      await expect(
        addAgentVoice(ctx, { label: 'x', voiceprint: voice(3), addedBy: 'inv', reason: ' ' }),
      ).rejects.toThrow(/reason/)
      const id = await addAgentVoice(ctx, {
        label: '代理甲',
        voiceprint: voice(3),
        addedBy: 'investigator',
        reason,
      })
      await addAgentVoice(ctx, {
        label: '代理乙',
        voiceprint: voice(4),
        addedBy: 'investigator',
        reason,
      })
      const index = await agentVoiceIndex(ctx, MODEL, 16)
      expect(index.search(voice(3, 0.05).embedding, 1)[0]?.id).toBe(id)
      const row = await ctx.db
        .selectFrom('voice_agents')
        .selectAll()
        .where('agent_voice_id', '=', id)
        .executeTakeFirst()
      expect(row).toMatchObject({ added_by: 'investigator', reason, label: '代理甲' })
      expect(await removeAgentVoice(ctx, id)).toBe(true)
      expect(index.search(voice(3, 0.05).embedding, 1, 0.95)).toEqual([])
    },
  )

  it.runIf(s.available)(
    'keeps call embeddings for the retention period, then the purge removes them',
    async () => {
      const ctx = at(t.ctx, '2026-11-01T00:00:00.000Z')
      for (const [contactId, customer] of [
        ['K1', 'C2001'],
        ['K2', 'C2002'],
        ['K3', 'C2003'],
      ] as const) {
        const input = {
          contactId,
          claimedCustomerId: customer,
          side: 'caller' as const,
          voiceprint: voice(6, 0.02),
        }
        await recordCallVoice(ctx, { ...input, retentionDays: 30 })
      }
      const same = await callsWithVoice(ctx, voice(6).embedding, MODEL, 0.9)
      expect(new Set(same.map((c) => c.claimedCustomerId))).toEqual(
        new Set(['C2001', 'C2002', 'C2003']),
      )
      expect(await purgeExpiredCallVoices(at(ctx, '2026-11-20T00:00:00.000Z'))).toBe(0)
      expect(await purgeExpiredCallVoices(at(ctx, '2026-12-02T00:00:00.000Z'))).toBe(3)
      expect(await callsWithVoice(ctx, voice(6).embedding, MODEL, 0.9)).toHaveLength(0)
    },
  )

  it.runIf(s.available)(
    'searches a large library through HNSW, written at close and brought up to date at the next start',
    async () => {
      process.env.GRAYLINE_VOICE_ANN_FROM = '20'
      try {
        const ctx = t.ctx
        keepVoiceIndexesIn(ctx, t.dir)
        for (let i = 0; i < 30; i++)
          await recordCallVoice(ctx, {
            contactId: `L${i}`,
            claimedCustomerId: `C3${i}`,
            side: 'caller',
            voiceprint: voice(10 + i),
          })
        expect((await callsWithVoice(ctx, voice(15).embedding, MODEL, 0.99))[0]?.contactId).toBe(
          'L5',
        )
        expect(await persistVoiceIndexes(ctx)).toBe(1)
        // What happens between the write and the next start is reconciled from the store.
        await deleteCustomerVoice(ctx, 'C35')
        const restarted = { ...ctx, db: ctx.db.withoutPlugins() }
        await recordCallVoice(restarted, {
          contactId: 'L99',
          claimedCustomerId: 'C399',
          side: 'caller',
          voiceprint: voice(77),
        })
        keepVoiceIndexesIn(restarted, t.dir)
        expect(await callsWithVoice(restarted, voice(15).embedding, MODEL, 0.99)).toEqual([])
        expect(
          (await callsWithVoice(restarted, voice(77).embedding, MODEL, 0.99))[0]?.contactId,
        ).toBe('L99')
        expect(
          (await callsWithVoice(restarted, voice(16).embedding, MODEL, 0.99))[0]?.contactId,
        ).toBe('L6')
      } finally {
        delete process.env.GRAYLINE_VOICE_ANN_FROM
      }
    },
  )
})
