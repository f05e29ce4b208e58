// Tokenising this installation's identifiers once per epoch, on both stores: nothing while nothing
// shared could match, every phone a contact carries once something could, never an allowlisted
// number, and last month's tokens dropped.
import { describe, expect, it } from 'vitest'
import { assessFiles, loadRuleSet } from '../../src/detect/index.js'
import { tokeniseContactIdentifiers } from '../../src/sharing/identifier-tokens.service.js'
import { buildContact, writeJsonl } from './builders.js'
import { contacts, customers } from './api-fixture.js'
import { localTokeniser } from './sharing-support.js'
import { testStores, useStore } from './stores.js'

const HOTLINE_CALL = buildContact({
  contact_id: 'H1',
  channel: 'call',
  received_at: '2026-04-06T10:00:00+08:00',
  caller: { phone: '95588', role: 'unknown' },
  text: '银行客服回拨。',
})

describe.each(testStores)('identifier tokens ($kind)', (s) => {
  const t = useStore(s)

  it.skipIf(!s.available)('tokenises once per epoch, only when something could match', async () => {
    const ctx = { ...t.ctx, clock: { now: () => new Date('2026-05-20T08:00:00Z') } }
    await assessFiles(ctx, {
      rules: loadRuleSet(),
      customers: writeJsonl(t.dir, 'customers.jsonl', customers),
      contacts: writeJsonl(t.dir, 'contacts.jsonl', [...contacts, HOTLINE_CALL]),
    })
    const tokeniser = localTokeniser('2026-05')
    expect((await tokeniseContactIdentifiers(ctx, tokeniser)).tokenised).toBe(0)
    await ctx.db
      .insertInto('identifier_tokens')
      .values({ epoch: '2026-04', identifier: 'phone:+8613900001005', token: 'oprf-r255:old' })
      .execute()
    await ctx.db
      .insertInto('shared_indicators')
      .values({
        stix_id: 'indicator--1',
        value: 'oprf-r255:ab',
        kind: 'phone',
        epoch: '2026-05',
        tlp: 'amber',
        source: 'lender-b/group-east/collection-group-east',
        scope: 'group:east',
        valid_until: '2099-01-01T00:00:00.000Z',
        revoked: 0,
        pulled_at: '2026-05-20T08:00:00.000Z',
      })
      .execute()
    const first = await tokeniseContactIdentifiers(ctx, tokeniser)
    expect(first.tokenised).toBeGreaterThan(0)
    expect((await tokeniseContactIdentifiers(ctx, tokeniser)).tokenised).toBe(0)
    const rows = await ctx.db.selectFrom('identifier_tokens').selectAll().execute()
    expect(rows.map((r) => r.epoch)).toEqual(rows.map(() => '2026-05'))
    expect(rows.map((r) => r.identifier)).toContain('phone:+8619912345678')
    expect(rows.map((r) => r.identifier).join()).not.toContain('95588')
  })
})
