// Issue #9's collaboration test: a consortium service and two lenders, three real installations on
// loopback. B confirms the agency's phone in a case and shares it with the east group; A's own
// contacts hit and its contact detail says "seen at 1 other institution". Every body exchanged
// between installations is captured: no raw phone, ID number or name of B's crosses, nothing of an
// own-institution indicator, every STIX object validates and carries TLP; enumeration stops at the
// quota; withdrawal removes the match.
import { describe, expect, it } from 'vitest'
import { ConsortiumClient, ConsortiumRequestError } from '../../src/consortium/index.js'
import type { StixObject } from '../../src/sharing/stix/stix-objects.js'
import { StixValidator } from '../../src/sharing/stix/stix-validator.js'
import { tlpOf } from '../../src/sharing/stix/tlp.js'
import { AGENT_PHONE } from './api-fixture.js'
import {
  A_QUOTA,
  asAdmin,
  B_CUSTOMERS,
  closeAll,
  threeInstallations,
} from './three-installations.js'
import type { Consortium, Exchange, Installation } from './three-installations.js'
import { testStores } from './stores.js'

type Signal = { code: string; explanation: { en: string; 'zh-CN': string } }

async function signalsOf(i: Installation, contactId: string): Promise<Signal[]> {
  const r = await asAdmin(i, 'GET', `/api/contacts/${contactId}`)
  expect(r.statusCode).toBe(200)
  const body = r.json<{ assessment?: { signals: Signal[] } }>()
  return body.assessment?.signals ?? []
}

async function sync(i: Installation) {
  const r = await asAdmin(i, 'POST', '/api/sharing/sync')
  expect(r.statusCode, r.body).toBe(200)
  return r.json<{ published: number; matchedIdentifiers: number; sightingsReported: number }>()
}

function stixObjectsIn(exchanges: Exchange[]): StixObject[] {
  const objects: StixObject[] = []
  for (const e of exchanges)
    for (const body of [e.request, e.response]) {
      if (!body.startsWith('{')) continue
      const parsed = JSON.parse(body) as { objects?: StixObject[] }
      if (Array.isArray(parsed.objects)) objects.push(...parsed.objects)
    }
  return objects
}

describe.each(testStores)('three installations sharing an agency ($kind)', (s) => {
  it.skipIf(!s.available)('A hits on what B confirmed, and nothing of B crosses raw', async () => {
    const exchanges: Exchange[] = []
    let c: Consortium | undefined
    try {
      c = await threeInstallations(s, exchanges)
      const confirm = (value: string, kind: string, distribution: object) =>
        asAdmin(c!.b, 'POST', '/api/sharing/confirmations', {
          kind,
          value,
          standard_of_proof: 'case',
          case_ref: 'B-2026-0042',
          distribution,
          tlp: 'amber',
          valid_until: '2099-01-01T00:00:00Z',
        })
      const shared = await confirm(AGENT_PHONE, 'phone', { scope: 'group', group: 'east' })
      expect(shared.statusCode, shared.body).toBe(201)
      expect((await confirm('b_own_only_wx', 'wechat', { scope: 'own' })).statusCode).toBe(201)
      const refused = await confirm(B_CUSTOMERS[0]!.phone!, 'phone', { scope: 'consortium' })
      expect(refused.statusCode).toBe(400)

      expect((await sync(c.b)).published).toBe(1)
      expect((await signalsOf(c.a, 'A1')).map((x) => x.code)).not.toContain('shared_indicator')
      const first = await sync(c.a)
      expect(first.matchedIdentifiers).toBe(1)
      expect(first.sightingsReported).toBe(1)
      const hit = (await signalsOf(c.a, 'A1')).find((x) => x.code === 'shared_indicator')
      expect(hit?.explanation.en).toContain('seen at 1 other institution (TLP:AMBER)')
      expect(hit?.explanation['zh-CN']).toContain('另有 1 家机构')
      // The genuine complainant's contact does not hit.
      expect((await signalsOf(c.a, 'G1')).map((x) => x.code)).not.toContain('shared_indicator')

      // B aggregates A's feedback; A pulls it and still counts one other institution, not itself.
      await sync(c.b)
      await sync(c.a)
      const after = (await signalsOf(c.a, 'A2')).find((x) => x.code === 'shared_indicator')
      expect(after?.explanation.en).toContain('seen at 1 other institution')

      // Enumeration through the service with A's token stops at the daily quota.
      const enumerator = new ConsortiumClient({
        url: c.service.url,
        token: c.aTokenAtService,
        consortium: 'cfc-east',
        clock: { now: () => new Date() },
      })
      const range = Array.from(
        { length: A_QUOTA },
        (_, i) => `+861990000${String(i).padStart(4, '0')}`,
      )
      const stopped = await enumerator.tokenise('phone', range).catch((e: unknown) => e)
      expect(stopped).toBeInstanceOf(ConsortiumRequestError)
      expect((stopped as ConsortiumRequestError).status).toBe(429)

      // Withdrawal reaches A: the match is gone after the next rounds.
      const id = shared.json<{ confirmation_id: string }>().confirmation_id
      const w = await asAdmin(c.b, 'POST', `/api/sharing/confirmations/${id}/withdraw`, {
        reason: 'number reassigned',
      })
      expect(w.json()).toEqual({ revoked: 1 })
      await sync(c.a)
      expect((await signalsOf(c.a, 'A1')).map((x) => x.code)).not.toContain('shared_indicator')

      assertNothingRawCrossed(exchanges)
    } finally {
      await closeAll(c)
    }
  })
})

function assertNothingRawCrossed(exchanges: Exchange[]) {
  expect(exchanges.some((e) => e.url.includes('/taxii2/'))).toBe(true)
  expect(exchanges.some((e) => e.url.includes('/consortium/v1/evaluate'))).toBe(true)
  const wire = exchanges.map((e) => `${e.url}\n${e.request}\n${e.response}`).join('\n')
  const national = AGENT_PHONE
  for (const raw of [national, `+86${national}`, national.slice(-8), 'b_own_only_wx'])
    expect(wire, raw).not.toContain(raw)
  for (const b of B_CUSTOMERS)
    for (const raw of [b.phone!, b.id_number!, b.name!]) expect(wire, raw).not.toContain(raw)
  const objects = stixObjectsIn(exchanges)
  expect(objects.filter((o) => o.type === 'indicator').length).toBeGreaterThan(0)
  expect(new StixValidator().validate(objects)).toEqual([])
  for (const o of objects.filter((o) => o.type !== 'marking-definition'))
    expect(tlpOf(o.object_marking_refs as string[]), `${o.type} ${o.id}`).not.toBeNull()
}
