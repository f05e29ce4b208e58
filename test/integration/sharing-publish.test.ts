// Publishing confirmed indicators on both stores: tokens and hashes land in the collection of their
// group or the consortium, validated and TLP-marked; own-institution indicators in none; no raw
// phone in any stored object.
import { describe, expect, it } from 'vitest'
import { AuditLog } from '../../src/audit/index.js'
import type { Tokeniser } from '../../src/consortium/index.js'
import { confirmIndicator } from '../../src/sharing/confirmation.service.js'
import { publishConfirmed } from '../../src/sharing/publish.service.js'
import { randomStixId } from '../../src/sharing/stix/stix-id.js'
import { StixValidator } from '../../src/sharing/stix/stix-validator.js'
import { tlpOf } from '../../src/sharing/stix/tlp.js'
import { blindBatch, evaluateBatch, finaliseBatch } from '../../src/sharing/token-batch.js'
import { epochKeyPair } from '../../src/sharing/token-suite.js'
import { testStores, useStore } from './stores.js'

/** The whole round trip in process: blind, evaluate under the epoch key, verify and finalise. */
function localTokeniser(): Tokeniser {
  const keys = epochKeyPair(new Uint8Array(32).fill(3), '2026-05')
  return {
    epoch: () => '2026-05',
    tokenise: (type, values) => {
      const domain = { consortium: 'cfc-east', type, epoch: '2026-05' }
      const batch = blindBatch(domain, values, keys.publicKey)
      return Promise.resolve(
        finaliseBatch(batch, evaluateBatch(domain, keys.secretKey, batch.blinded)),
      )
    },
  }
}

const base = {
  standard_of_proof: 'case' as const,
  confirmed_by: 'investigator',
  valid_until: '2099-01-01T00:00:00Z',
}

describe.each(testStores)('publishing indicators ($kind)', (s) => {
  const t = useStore(s)

  it.skipIf(!s.available)('puts each in its container and own ones nowhere', async () => {
    const audit = new AuditLog(t.ctx)
    await confirmIndicator(t.ctx, audit, {
      ...base,
      kind: 'phone',
      value: '19912345678',
      distribution: { scope: 'group', group: 'east' },
    })
    await confirmIndicator(t.ctx, audit, {
      ...base,
      kind: 'sha256',
      value: 'ab'.repeat(32),
      distribution: { scope: 'consortium' },
    })
    await confirmIndicator(t.ctx, audit, {
      ...base,
      kind: 'wechat',
      value: 'own_only_wx',
      distribution: { scope: 'own' },
    })
    await audit.close()
    const validator = new StixValidator()
    const author = { identityId: randomStixId('identity'), name: 'Lender B' }
    const r = await publishConfirmed({
      ctx: t.ctx,
      tokeniser: localTokeniser(),
      validator,
      author,
      consortium: 'cfc-east',
    })
    expect(r.published).toBe(2)
    const rows = await t.ctx.db.selectFrom('taxii_objects').selectAll().execute()
    const objects = rows.map((row) => JSON.parse(row.object))
    const indicators = rows.filter((row) => row.object_type === 'indicator')
    expect(indicators.map((row) => row.collection_id).sort()).toEqual([
      'collection-consortium',
      'collection-group-east',
    ])
    const all = rows.map((row) => row.object).join('\n')
    expect(all).not.toContain('19912345678')
    expect(all).not.toContain('own_only_wx')
    expect(all).toMatch(/oprf-r255:[0-9a-f]{64}/)
    expect(validator.validate(objects)).toEqual([])
    for (const o of objects.filter((o) => o.type !== 'marking-definition'))
      expect(tlpOf(o.object_marking_refs), o.id).not.toBeNull()
    for (const o of objects.filter((o) => o.type === 'indicator'))
      expect(tlpOf(o.object_marking_refs), o.id).toBe('amber')
  })
})
