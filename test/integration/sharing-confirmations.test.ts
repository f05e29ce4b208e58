// Confirming indicators on both stores: the agency's side is recorded with its standard of proof;
// a borrower's registered or other phone and an allowlisted number are refused.
import { describe, expect, it } from 'vitest'
import { AuditLog } from '../../src/audit/index.js'
import { assessFiles, loadRuleSet } from '../../src/detect/index.js'
import { confirmIndicator, IndicatorRefusedError } from '../../src/sharing/confirmation.service.js'
import { buildCustomer, writeJsonl } from './builders.js'
import { testStores, useStore } from './stores.js'

const confirmation = {
  standard_of_proof: 'case' as const,
  confirmed_by: 'investigator',
  case_ref: 'CASE-2026-0007',
  distribution: { scope: 'group' as const, group: 'east' },
  valid_until: '2026-08-31T00:00:00Z',
}

describe.each(testStores)('indicator confirmations ($kind)', (s) => {
  const t = useStore(s)

  it.skipIf(!s.available)('records an agency phone with who confirmed it and how', async () => {
    const audit = new AuditLog(t.ctx)
    const { confirmationId } = await confirmIndicator(t.ctx, audit, {
      ...confirmation,
      kind: 'phone',
      value: '199 1234 5678',
    })
    await audit.close()
    const row = await t.ctx.db
      .selectFrom('indicator_confirmations')
      .selectAll()
      .where('confirmation_id', '=', confirmationId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      identifier: 'phone:+8619912345678',
      standard_of_proof: 'case',
      confirmed_by: 'investigator',
      distribution: 'group',
      sharing_group: 'east',
      tlp: 'amber',
    })
  })

  it.skipIf(!s.available)("refuses a borrower's registered and other phones", async () => {
    const rules = loadRuleSet()
    const customer = buildCustomer({
      customer_id: 'C1',
      phone: '13900001001',
      phones_other: ['13700002002'],
    })
    await assessFiles(t.ctx, {
      rules,
      customers: writeJsonl(t.dir, 'customers.jsonl', [customer]),
      contacts: writeJsonl(t.dir, 'contacts.jsonl', []),
    })
    const audit = new AuditLog(t.ctx)
    for (const value of ['+86 139 0000 1001', '13700002002']) {
      const refused = await confirmIndicator(t.ctx, audit, {
        ...confirmation,
        kind: 'phone',
        value,
      }).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(IndicatorRefusedError)
      expect((refused as IndicatorRefusedError).reason).toBe('customer_identifier')
    }
    await audit.close()
    const n = await t.ctx.db.selectFrom('indicator_confirmations').selectAll().execute()
    expect(n).toHaveLength(0)
  })

  it.skipIf(!s.available)('refuses a payment hotline and an operator-listed number', async () => {
    await t.ctx.db
      .insertInto('sharing_allowlist')
      .values({
        identifier: 'phone:+862162345678',
        reason: 'our switchboard',
        added_by: 'admin',
        added_at: '2026-05-01T00:00:00Z',
      })
      .execute()
    const audit = new AuditLog(t.ctx)
    for (const value of ['95588', '021-62345678', '4008123123']) {
      const refused = await confirmIndicator(t.ctx, audit, {
        ...confirmation,
        kind: 'phone',
        value,
      }).catch((e: unknown) => e)
      expect((refused as IndicatorRefusedError).reason, value).toBe('allowlisted')
    }
    await audit.close()
  })
})
