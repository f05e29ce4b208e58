// Consumers who report that an agency defrauded them (channel `victim_report`): listed for the
// team, linked to the case of that agency, and answered with advice on protecting themselves.
import type { Context } from '../context.js'
import type { Contact } from '../contract/index.js'
import { addCaseMembers } from './case.service.js'
import { CaseError } from './case-error.js'

export type VictimReport = {
  contact: Contact
  contact_id: string
  customer_id: string | null
  received_at: string
  gang_id: string | null
  cases: string[]
  suggested_cases: string[]
}

/** The roles through which a report names the agency: its people, numbers and company. */
const AGENCY_ROLES = ['participant', 'organization']

export async function listVictimReports(ctx: Context, limit = 100): Promise<VictimReport[]> {
  const rows = await ctx.db
    .selectFrom('contacts')
    .leftJoin('assessments', 'assessments.contact_id', 'contacts.contact_id')
    .select([
      'contacts.contact_id',
      'contacts.customer_id',
      'contacts.received_at',
      'contacts.record',
      'assessments.gang_id',
    ])
    .where('contacts.channel', '=', 'victim_report')
    .orderBy('contacts.received_at', 'desc')
    .orderBy('contacts.contact_id')
    .limit(limit)
    .execute()
  return Promise.all(
    rows.map(async (r) => ({
      contact: JSON.parse(r.record) as Contact,
      contact_id: r.contact_id,
      customer_id: r.customer_id,
      received_at: r.received_at,
      gang_id: r.gang_id,
      ...(await casesForReport(ctx, r.contact_id, r.gang_id)),
    })),
  )
}

/** Cases the report is in, and open cases of the same agency (its gang or its identifiers). */
export async function casesForReport(ctx: Context, contactId: string, gangId: string | null) {
  const linked = await ctx.db
    .selectFrom('case_members')
    .select('case_id')
    .where('member_kind', '=', 'contact')
    .where('member_id', '=', contactId)
    .execute()
  const cases = linked.map((l) => l.case_id).sort()
  const byIdentifier = await ctx.db
    .selectFrom('case_members')
    .innerJoin('cases', 'cases.case_id', 'case_members.case_id')
    .select('cases.case_id')
    .distinct()
    .where('case_members.member_kind', '=', 'identifier')
    .where('cases.state', '!=', 'closed')
    .where('case_members.member_id', 'in', (eb) =>
      eb
        .selectFrom('contact_identifiers')
        .select('identifier')
        .where('contact_id', '=', contactId)
        .where('role', 'in', AGENCY_ROLES),
    )
    .execute()
  const byGang = gangId
    ? await ctx.db
        .selectFrom('cases')
        .select('case_id')
        .where('gang_id', '=', gangId)
        .where('state', '!=', 'closed')
        .execute()
    : []
  const suggested = new Set([...byIdentifier, ...byGang].map((r) => r.case_id))
  return { cases, suggested_cases: [...suggested].filter((c) => !cases.includes(c)).sort() }
}

/** Puts the report and its customer in the case, on the case's timeline as a victim report. */
export async function linkVictimReport(
  ctx: Context,
  contactId: string,
  caseId: string,
  actor: string,
): Promise<void> {
  const row = await ctx.db
    .selectFrom('contacts')
    .select(['channel', 'customer_id'])
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  if (!row) throw new CaseError('not_found', `no contact ${contactId}`, 'contact_id')
  if (row.channel !== 'victim_report')
    throw new CaseError('validation', `contact ${contactId} is not a victim report`, 'contact_id')
  await addCaseMembers(ctx, caseId, 'contact', [contactId], actor, 'victim_report')
  if (row.customer_id)
    await addCaseMembers(ctx, caseId, 'customer', [row.customer_id], actor, 'victim_report')
}

/** Links every victim report that names one of the case's identifiers or belongs to its gang. */
export async function linkMatchingVictimReports(
  ctx: Context,
  caseId: string,
  actor: string,
): Promise<string[]> {
  const reports = await ctx.db
    .selectFrom('contacts')
    .leftJoin('assessments', 'assessments.contact_id', 'contacts.contact_id')
    .select(['contacts.contact_id', 'assessments.gang_id'])
    .where('contacts.channel', '=', 'victim_report')
    .where((eb) =>
      eb.or([
        eb(
          'assessments.gang_id',
          'in',
          eb.selectFrom('cases').select('gang_id').where('case_id', '=', caseId),
        ),
        eb(
          'contacts.contact_id',
          'in',
          eb
            .selectFrom('contact_identifiers')
            .select('contact_id')
            .where('role', 'in', AGENCY_ROLES)
            .where('identifier', 'in', (s) =>
              s
                .selectFrom('case_members')
                .select('member_id')
                .where('case_id', '=', caseId)
                .where('member_kind', '=', 'identifier'),
            ),
        ),
      ]),
    )
    .orderBy('contacts.contact_id')
    .limit(500)
    .execute()
  const linked: string[] = []
  for (const r of reports) {
    const { cases } = await casesForReport(ctx, r.contact_id, r.gang_id)
    if (cases.includes(caseId)) continue
    await linkVictimReport(ctx, r.contact_id, caseId, actor)
    linked.push(r.contact_id)
  }
  return linked
}
