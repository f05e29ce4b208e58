// A stored contact by id for the response services (call runs, representatives, verification):
// the interchange record as imported, or a not_found naming the field at fault.
import type { Context } from '../context.js'
import type { Contact } from '../contract/index.js'
import { ResponseError } from './response-error.js'

export async function storedContact(ctx: Context, contactId: string): Promise<Contact> {
  const r = await ctx.db
    .selectFrom('contacts')
    .select('record')
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  if (!r) throw new ResponseError('not_found', `no contact ${contactId}`, 'contact_id')
  return JSON.parse(r.record) as Contact
}
