// Voice findings into detection on both stores: a caller who is not the enrolled customer, who
// matches a known agent and who has called as another borrower is explained with scores.
import { describe, expect, it } from 'vitest'
import { assessFiles, loadAssessment, loadRuleSet } from '../../src/detect/index.js'
import {
  addAgentVoice,
  checkCallerVoice,
  enrolCustomerVoice,
  recordVoiceConsent,
} from '../../src/voice/library/index.js'
import type { Context } from '../../src/context.js'
import { buildContact, buildCustomer, validIdNumber, writeJsonl } from './builders.js'
import { testStores, useStore } from './stores.js'

const MODEL = 'test-speaker.onnx'
const THRESHOLD = 0.8

const voice = (seed: number, noise = 0) => ({
  embedding: Float32Array.from(
    { length: 16 },
    (_, i) => Math.sin(seed * (i + 1)) + noise * Math.cos(7 * i),
  ),
  speechSeconds: 5,
  model: MODEL,
})

async function enrol(ctx: Context, customerId: string, seed: number): Promise<void> {
  const consentId = await recordVoiceConsent(ctx, {
    customerId,
    channel: 'app',
    evidence: 'in-app voiceprint consent v3',
    recordedBy: 'system',
  })
  await enrolCustomerVoice(ctx, {
    customerId,
    consentId,
    voiceprint: voice(seed),
    enrolledBy: 'system',
  })
}

const customers = ['C1', 'C2', 'C3'].map((id, i) =>
  buildCustomer({
    customer_id: id,
    phone: `1390000${2000 + i}`,
    id_number: validIdNumber('330106', '19870512', String(200 + i)),
  }),
)
const call = (id: string, customer: string, phone: string) =>
  buildContact({ contact_id: id, customer_id: customer, channel: 'call', caller: { phone } })

describe.each(testStores)('voice signals on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)(
    'explains voice matches with their scores and routes them to verification',
    async () => {
      const ctx = t.ctx
      await enrol(ctx, 'C1', 1)
      await enrol(ctx, 'C3', 3)
      const reason = 'confirmed agency caller, case K-2026-031'
      const agentId = await addAgentVoice(ctx, {
        label: '代理甲',
        voiceprint: voice(9),
        addedBy: 'investigator',
        reason,
      })
      const first = await checkCallerVoice(ctx, {
        contactId: 'V1',
        claimedCustomerId: 'C1',
        voiceprint: voice(9, 0.03),
        threshold: THRESHOLD,
      })
      expect(first.map((f) => f.code).sort()).toEqual(['voice_known_agent', 'voice_not_customer'])
      expect(first.find((f) => f.code === 'voice_known_agent')?.matched).toEqual([agentId])
      const second = await checkCallerVoice(ctx, {
        contactId: 'V2',
        claimedCustomerId: 'C2',
        voiceprint: voice(9, 0.02),
        threshold: THRESHOLD,
      })
      expect(second.map((f) => f.code).sort()).toEqual([
        'voice_known_agent',
        'voice_many_borrowers',
      ])
      const genuine = await checkCallerVoice(ctx, {
        contactId: 'G3',
        claimedCustomerId: 'C3',
        voiceprint: voice(3, 0.02),
        threshold: THRESHOLD,
      })
      expect(genuine).toEqual([])

      await assessFiles(ctx, {
        rules: loadRuleSet(),
        customers: writeJsonl(t.dir, 'customers.jsonl', customers),
        contacts: writeJsonl(t.dir, 'contacts.jsonl', [
          call('V1', 'C1', '17100001111'),
          call('V2', 'C2', '17100002222'),
          call('G3', 'C3', '13900002002'),
        ]),
      })
      const v2 = await loadAssessment(ctx.db, 'V2')
      const many = v2?.signals.find((s) => s.code === 'voice_many_borrowers')
      expect(many?.explanation.en).toMatch(
        /called as other borrowers \(1 calls\), best \d\.\d\d \(threshold 0\.80\)/,
      )
      expect(many?.evidence).toContainEqual({ kind: 'contact', id: 'V1', note: 'same voice' })
      expect(v2?.categories).toContain('proxy_in_consumer_name')
      const v1 = await loadAssessment(ctx.db, 'V1')
      expect(v1?.signals.map((s) => s.code)).toEqual(
        expect.arrayContaining(['voice_not_customer', 'voice_known_agent']),
      )
      const g3 = await loadAssessment(ctx.db, 'G3')
      expect(g3?.signals.filter((s) => s.code.startsWith('voice_'))).toEqual([])
    },
  )
})
