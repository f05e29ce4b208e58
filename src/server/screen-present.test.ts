import { describe, expect, it } from 'vitest'
import type { ScreenResult } from '../detect/index.js'
import { IdentifierRefs } from './identifier-ref.js'
import { Presenter } from './present.js'
import { screenAnswerJson } from './screen-present.js'

const result: ScreenResult = {
  phone: 'phone:19912345678',
  customer_id: 'C1',
  risk: 'high',
  severity: 'level2',
  categories: ['proxy_in_consumer_name'],
  reasons: [
    {
      code: 'fan_out',
      'zh-CN': '同一电话 19912345678 为 4 位不同客户出面',
      en: 'one phone spoke for 4 customers',
    },
  ],
  signals: [
    {
      code: 'fan_out',
      weight: 0.9,
      explanation: { 'zh-CN': '同一电话 19912345678 为 4 位不同客户出面', en: 'one phone' },
      evidence: [
        { kind: 'identifier', id: 'phone:19912345678', note: '4 customers' },
        { kind: 'gang', id: 'G-1' },
      ],
    },
  ],
  recommended_script: 'suspected-agency',
  trusted_representative: null,
  recent_contacts: [
    { contact_id: 'A1', channel: 'call', received_at: '2026-04-01T02:00:00.000Z' },
    { contact_id: 'A2', channel: 'letter', received_at: '2026-03-01T02:00:00.000Z' },
  ],
  rules_version: '2026.1',
}

const script = { id: 'suspected-agency', version: 1, steps: [{ id: 'a', say: { en: '"hi"' } }] }

describe('screenAnswerJson', () => {
  it('is exactly the UTF-8 JSON of the whole answer, masked, with the stored risks', () => {
    const present = new Presenter(new IdentifierRefs(Buffer.alloc(32, 1)))
    const risks = new Map([['A1', 'high']])
    const text = screenAnswerJson(result, script, risks, present).toString()
    expect(text).toBe(
      JSON.stringify({
        phone: '199****5678',
        customer_id: 'C1',
        risk: 'high',
        severity: 'level2',
        categories: ['proxy_in_consumer_name'],
        reasons: result.reasons.map((x) => ({
          code: x.code,
          'zh-CN': '同一电话 199****5678 为 4 位不同客户出面',
          en: x.en,
        })),
        signals: result.signals.map((s) => present.signal(s)),
        recommended_script: 'suspected-agency',
        script,
        trusted_representative: null,
        recent_contacts: [
          { ...result.recent_contacts[0], risk: 'high' },
          { ...result.recent_contacts[1], risk: null },
        ],
        rules_version: '2026.1',
      }),
    )
    expect(text).not.toContain('19912345678')
    expect(screenAnswerJson(result, script, risks, present).toString()).toBe(text)
  })

  it('answers an unknown number without a phone or customer', () => {
    const none = { ...result, phone: null, customer_id: null, signals: [], reasons: [] }
    const answer = JSON.parse(
      screenAnswerJson(
        none,
        script,
        new Map(),
        new Presenter(new IdentifierRefs(Buffer.alloc(32))),
      ).toString(),
    ) as Record<string, unknown>
    expect(answer).toMatchObject({ phone: null, customer_id: null, signals: [], script })
  })
})
