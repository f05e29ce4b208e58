// A store with the API fixture's book assessed: four borrowers spoken for by one agency phone (a
// gang), one genuine complainant, and a victim report naming the agency's phone.
import type { Context } from '../../src/context.js'
import { assessFiles, loadRuleSet } from '../../src/detect/index.js'
import { AGENT_PHONE, contacts, customers } from './api-fixture.js'
import { buildContact, writeJsonl } from './builders.js'

export const VICTIM_REPORT = buildContact({
  contact_id: 'V1',
  customer_id: 'C2',
  channel: 'victim_report',
  source: 'app',
  received_at: '2026-04-20T09:00:00+08:00',
  caller: { phone: '13900001001', role: 'self', name: '李秀英' },
  participants: [
    { role: 'agent', name: '李助理', phone: AGENT_PHONE, organization: '鼎盛法务咨询有限公司' },
  ],
  text: `我在抖音上看到债务优化广告，对方收了我3800元服务费后就联系不上了，电话${AGENT_PHONE}。`,
})

export async function assessedBook(ctx: Context, dir: string, extra = [VICTIM_REPORT]) {
  await assessFiles(ctx, {
    rules: loadRuleSet(),
    customers: writeJsonl(dir, 'customers.jsonl', customers),
    contacts: writeJsonl(dir, 'contacts.jsonl', [...contacts, ...extra]),
  })
}

export async function gangOf(ctx: Context, contactId: string): Promise<string> {
  const r = await ctx.db
    .selectFrom('assessments')
    .select('gang_id')
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  if (!r?.gang_id) throw new Error(`${contactId} is in no gang`)
  return r.gang_id
}
