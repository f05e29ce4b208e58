// A call taken with a script is a contact like any other: recorded through intake (same record,
// same identifier links), so it reaches the workbench queue and carries the answers' signals.
import { randomBytes } from 'node:crypto'
import type { Context } from '../context.js'
import type { Contact } from '../contract/index.js'
import { contactKind } from '../intake/index.js'
import { writeBatch } from '../intake/intake.repository.js'
import { prepareRecord } from '../intake/prepared-record.js'
import type { IdentifierLink } from '../links/identifier.js'

export type RecordedCall = { contact: Contact; links: IdentifierLink[] }

export async function recordCallContact(
  ctx: Context,
  call: { phone: string | null; customerId: string | null; agent: string },
): Promise<RecordedCall> {
  const now = ctx.clock.now()
  const contact: Contact = {
    contact_id: `call-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(5).toString('hex')}`,
    channel: 'call',
    source: 'hotline',
    received_at: now.toISOString(),
    ...(call.customerId ? { customer_id: call.customerId } : {}),
    ...(call.phone ? { caller: { phone: call.phone } } : {}),
    recorded_by: call.agent,
  }
  const prepared = prepareRecord(contactKind, contact)
  await ctx.db
    .transaction()
    .execute((tx) => writeBatch(tx, contactKind, [prepared], now.toISOString()))
  return { contact, links: prepared.links }
}
