// The voice API on both stores: a contact's matches with scores and explanations for case workers,
// segment playback from the installation's own recordings for the investigation team (audited),
// the agent voice library for the admin, deletion on request — and never an embedding.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Context } from '../../src/context.js'
import { encodeWav } from '../../src/voice/audio/wav.js'
import { addAgentVoice, checkCallerVoice } from '../../src/voice/library/index.js'
import { as, login, openApi } from './api-fixture.js'
import { testStores, useStore } from './stores.js'

const MODEL = 'campplus-test.onnx'
const voice = (seed: number, noise = 0) => ({
  embedding: Float32Array.from(
    { length: 16 },
    (_, i) => Math.sin(seed * (i + 1)) + noise * Math.cos(7 * i),
  ),
  speechSeconds: 6,
  model: MODEL,
})
const spans = [
  { startSeconds: 1, endSeconds: 3.5 },
  { startSeconds: 5, endSeconds: 8 },
]

async function seedVoices(ctx: Context): Promise<string> {
  const agent = await addAgentVoice(ctx, {
    label: '代理甲',
    voiceprint: voice(9),
    addedBy: 'investigator',
    reason: 'confirmed agency caller, case K-2026-031',
  })
  for (const [contactId, customer] of [
    ['A1', 'C1'],
    ['A2', 'C2'],
  ] as const)
    await checkCallerVoice(ctx, {
      contactId,
      claimedCustomerId: customer,
      voiceprint: voice(9, 0.02),
      threshold: 0.8,
      spans,
    })
  return agent
}

afterEach(() => {
  delete process.env.GRAYLINE_CALL_RECORDINGS
})

describe.each(testStores)('voice API on $kind', (s) => {
  const t = useStore(s)

  it.runIf(s.available)(
    'shows voice matches, plays their segments to the investigation team, and audits both',
    async () => {
      const recordings = join(t.dir, 'recordings')
      mkdirSync(recordings)
      const tone = Float32Array.from({ length: 8000 * 10 }, (_, i) => 0.2 * Math.sin(i / 5))
      writeFileSync(join(recordings, 'A2.wav'), encodeWav({ sampleRate: 8000, channels: [tone] }))
      process.env.GRAYLINE_CALL_RECORDINGS = recordings
      await seedVoices(t.ctx)
      const app = await openApi(t.ctx, t.dir)
      try {
        const handler = as(app, await login(app, 'handler'))
        const shown = await handler({ method: 'GET', url: '/api/contacts/A2/voice' })
        expect(shown.statusCode).toBe(200)
        expect(shown.body).not.toMatch(/embedding/)
        const body = shown.json<{
          items: { code: string; finding_id: string }[]
          playback: boolean
        }>()
        expect(body.playback).toBe(false)
        expect(body.items.map((m) => m.code).sort()).toEqual([
          'voice_known_agent',
          'voice_many_borrowers',
        ])
        expect(body.items.find((m) => m.code === 'voice_known_agent')).toMatchObject({
          threshold: 0.8,
          matched: [{ kind: 'agent_voice', label: '代理甲' }],
          explanation: { 'zh-CN': expect.stringMatching(/已知代理人/) },
          segments: [
            { start_seconds: 1, end_seconds: 3.5, side: 'caller' },
            { start_seconds: 5, end_seconds: 8, side: 'caller' },
          ],
        })
        const finding = body.items[0]!.finding_id
        const url = `/api/contacts/A2/voice/${finding}/segments/1`
        expect((await handler({ method: 'GET', url })).statusCode).toBe(403)
        const agent = as(app, await login(app, 'agent'))
        expect((await agent({ method: 'GET', url: '/api/contacts/A2/voice' })).statusCode).toBe(403)

        const inv = as(app, await login(app, 'investigator'))
        const played = await inv({ method: 'GET', url })
        expect(played.statusCode).toBe(200)
        expect(played.headers['content-type']).toBe('audio/wav')
        expect(played.rawPayload.subarray(0, 4).toString()).toBe('RIFF')
        expect((played.rawPayload.length - 44) / 2 / 8000).toBeCloseTo(3, 1)
        const a1 = (await inv({ method: 'GET', url: '/api/contacts/A1/voice' })).json<{
          items: { finding_id: string }[]
          playback: boolean
        }>()
        expect(a1.playback).toBe(true)
        const missing = await inv({
          method: 'GET',
          url: `/api/contacts/A1/voice/${a1.items[0]!.finding_id}/segments/0`,
        })
        expect(missing.statusCode).toBe(404)
        expect(missing.json()).toMatchObject({ detail: expect.stringMatching(/not on file/) })

        await app.deps.audit.flush()
        const audited = await t.ctx.db
          .selectFrom('audit_log')
          .select(['actor', 'action', 'target_id'])
          .where('action', 'like', 'voice.%')
          .orderBy('seq')
          .execute()
        expect(audited).toEqual([
          { actor: 'handler', action: 'voice.matches.view', target_id: 'A2' },
          { actor: 'investigator', action: 'voice.segment.play', target_id: 'A2' },
          { actor: 'investigator', action: 'voice.matches.view', target_id: 'A1' },
        ])
      } finally {
        await app.close()
      }
    },
  )

  it.runIf(s.available)(
    'lets the admin add an agent voice from a call with who and why, list it, remove it, and delete a customer voiceprint',
    async () => {
      await seedVoices(t.ctx)
      const app = await openApi(t.ctx, t.dir)
      try {
        const admin = as(app, await login(app, 'admin'))
        const handler = as(app, await login(app, 'handler'))
        expect((await handler({ method: 'GET', url: '/api/voice/agents' })).statusCode).toBe(403)
        const payload = {
          contact_id: 'A1',
          label: '代理乙',
          reason: '同一声音以 2 名借款人身份来电',
        }
        const added = await admin({ method: 'POST', url: '/api/voice/agents', payload })
        expect(added.statusCode).toBe(201)
        const id = added.json<{ agent_voice_id: string }>().agent_voice_id
        const nothing = await admin({
          method: 'POST',
          url: '/api/voice/agents',
          payload: { ...payload, contact_id: 'G1' },
        })
        expect(nothing.statusCode).toBe(404)
        const listed = await admin({ method: 'GET', url: '/api/voice/agents' })
        expect(listed.body).not.toMatch(/embedding/)
        expect(listed.json<{ items: unknown[] }>().items).toContainEqual(
          expect.objectContaining({
            agent_voice_id: id,
            label: '代理乙',
            added_by: 'admin',
            source_contact_id: 'A1',
            speech_seconds: 6,
          }),
        )
        const removed = await admin({
          method: 'DELETE',
          url: `/api/voice/agents/${id}`,
          payload: { reason: 'wrong attribution' },
        })
        expect(removed.statusCode).toBe(204)
        const forgot = await admin({
          method: 'DELETE',
          url: '/api/voice/customers/C1',
          payload: { reason: 'customer request, ticket 5521' },
        })
        expect(forgot.json()).toEqual({ enrolments: 0, call_voices: 1 })
        await app.deps.audit.flush()
        const actions = await t.ctx.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'like', 'voice.%')
          .orderBy('seq')
          .execute()
        expect(actions.map((a) => a.action)).toEqual([
          'voice.agent.add',
          'voice.agent.remove',
          'voice.customer.delete',
        ])
      } finally {
        await app.close()
      }
    },
  )
})
