// What a case gathers when it is opened: the contacts of the origin (a contact pulls in its gang),
// their customers, the agency's identifiers, and the severity detection gave them with its reasons.
import type { Severity, Signal } from '../contract/index.js'
import { maskText } from '../privacy/index.js'
import type { Bilingual, MemberKind, OriginKind } from './case.js'
import { CaseError } from './case-error.js'
import type { Db } from './case.repository.js'

export type Gathered = {
  contacts: string[]
  /** Those of `contacts` that are victims' reports about the agency. */
  victimReports: string[]
  customers: string[]
  identifiers: string[]
  gangId: string | null
  severity: Severity | null
  reasons: Bilingual[]
}

/** Enough for the largest gangs seen; beyond it members are added by hand. */
const MAX_CONTACTS = 2000
const MAX_REASONS = 8
const AGENCY_ROLES = ['caller', 'participant', 'organization', 'device', 'attachment']

export async function gather(
  db: Db,
  origin: OriginKind,
  ref: string | undefined,
): Promise<Gathered> {
  if (origin === 'manual') return emptyGathering()
  if (!ref) throw new CaseError('validation', `a case opened from a ${origin} needs its ref`, 'ref')
  const { contacts, gangId } = await originContacts(db, origin, ref)
  if (!contacts.length) throw new CaseError('not_found', `no ${origin} ${ref}`, 'ref')
  const [{ customers, victimReports }, identifiers, assessed] = await Promise.all([
    customersOf(db, contacts),
    agencyIdentifiers(db, contacts, origin === 'identifier' ? ref : null),
    severityOf(db, contacts),
  ])
  return { contacts, victimReports, customers, identifiers, gangId, ...assessed }
}

function emptyGathering(): Gathered {
  return {
    contacts: [],
    victimReports: [],
    customers: [],
    identifiers: [],
    gangId: null,
    severity: null,
    reasons: [],
  }
}

async function originContacts(
  db: Db,
  origin: OriginKind,
  ref: string,
): Promise<{ contacts: string[]; gangId: string | null }> {
  if (origin === 'contact') {
    const a = await db
      .selectFrom('contacts')
      .leftJoin('assessments', 'assessments.contact_id', 'contacts.contact_id')
      .select(['contacts.contact_id', 'assessments.gang_id'])
      .where('contacts.contact_id', '=', ref)
      .executeTakeFirst()
    if (!a) return { contacts: [], gangId: null }
    if (!a.gang_id) return { contacts: [ref], gangId: null }
    const gang = await gangContacts(db, a.gang_id)
    return { contacts: gang.includes(ref) ? gang : [ref, ...gang], gangId: a.gang_id }
  }
  if (origin === 'gang') return { contacts: await gangContacts(db, ref), gangId: ref }
  const rows = await db
    .selectFrom('contact_identifiers')
    .select('contact_id')
    .distinct()
    .where('identifier', '=', ref)
    .where('role', 'in', AGENCY_ROLES)
    .orderBy('contact_id')
    .limit(MAX_CONTACTS)
    .execute()
  return { contacts: rows.map((r) => r.contact_id), gangId: null }
}

async function gangContacts(db: Db, gangId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assessments')
    .select('contact_id')
    .where('gang_id', '=', gangId)
    .orderBy('contact_id')
    .limit(MAX_CONTACTS)
    .execute()
  return rows.map((r) => r.contact_id)
}

async function customersOf(db: Db, contacts: string[]) {
  const customers = new Set<string>()
  const victimReports: string[] = []
  for (let i = 0; i < contacts.length; i += 500) {
    const rows = await db
      .selectFrom('contacts')
      .select(['contact_id', 'customer_id', 'channel'])
      .where('contact_id', 'in', contacts.slice(i, i + 500))
      .execute()
    for (const r of rows) {
      if (r.customer_id) customers.add(r.customer_id)
      if (r.channel === 'victim_report') victimReports.push(r.contact_id)
    }
  }
  return { customers: [...customers].sort(), victimReports: victimReports.sort() }
}

/**
 * The agency's side: identifiers that spoke for two or more of the case's customers, every
 * organisation named, and a caller who said they were an agent. A borrower's own phone is never one.
 */
async function agencyIdentifiers(db: Db, contacts: string[], origin: string | null) {
  const spans = new Map<string, Set<string>>()
  const direct = new Set<string>(origin ? [origin] : [])
  for (let i = 0; i < contacts.length; i += 500) {
    const rows = await db
      .selectFrom('contact_identifiers')
      .innerJoin('contacts', 'contacts.contact_id', 'contact_identifiers.contact_id')
      .select([
        'contact_identifiers.identifier',
        'contact_identifiers.role',
        'contact_identifiers.customer_id',
        'contacts.caller_role',
        'contacts.channel',
      ])
      .where('contact_identifiers.contact_id', 'in', contacts.slice(i, i + 500))
      .where('contact_identifiers.role', 'in', AGENCY_ROLES)
      .execute()
    for (const r of rows) {
      const set = spans.get(r.identifier) ?? new Set<string>()
      if (r.customer_id) set.add(r.customer_id)
      spans.set(r.identifier, set)
      if (speaksForAgency(r)) direct.add(r.identifier)
    }
  }
  for (const [id, customers] of spans) if (customers.size >= 2) direct.add(id)
  return [...direct].sort()
}

function speaksForAgency(r: {
  role: string
  caller_role: string | null
  channel: string
}): boolean {
  if (r.role === 'organization') return true
  if (r.role === 'caller') return r.caller_role === 'agent'
  // A victim names the agency's people as participants of the report.
  return r.role === 'participant' && r.channel === 'victim_report'
}

async function severityOf(db: Db, contacts: string[]) {
  const tally = new Map<string, { reason: Bilingual; n: number }>()
  let severity: Severity | null = null
  for (let i = 0; i < contacts.length; i += 500) {
    const rows = await db
      .selectFrom('assessments')
      .select(['severity', 'signals'])
      .where('contact_id', 'in', contacts.slice(i, i + 500))
      .where('severity', 'is not', null)
      .execute()
    for (const r of rows) {
      if (r.severity === 'level1' || (r.severity === 'level2' && !severity)) severity = r.severity
      for (const s of JSON.parse(r.signals) as Signal[]) {
        const t = tally.get(s.code) ?? { reason: genericReason(s), n: 0 }
        t.n++
        tally.set(s.code, t)
      }
    }
  }
  const reasons = [...tally.values()]
    .sort((a, b) => b.n - a.n || a.reason.en.localeCompare(b.reason.en))
    .slice(0, MAX_REASONS)
    .map((t) => ({
      'zh-CN': `${t.reason['zh-CN']}（${t.n} 条联系）`,
      en: `${t.reason.en} (${t.n} contacts)`,
    }))
  return { severity, reasons }
}

/** The first sentence of a signal's explanation: the reason without one contact's particulars. */
function genericReason(s: Signal): Bilingual {
  const first = (t: string, stop: RegExp) => (t.split(stop)[0] ?? t).trim()
  return {
    'zh-CN': maskText(first(s.explanation['zh-CN'], /[。；]/)),
    en: maskText(first(s.explanation.en, /[.;]\s/)),
  }
}

export function membersFrom(
  g: Gathered,
  via: string,
): { kind: MemberKind; id: string; via: string }[] {
  return [
    ...g.contacts.map((id) => ({
      kind: 'contact' as const,
      id,
      via: g.victimReports.includes(id) ? 'victim_report' : via,
    })),
    ...g.customers.map((id) => ({ kind: 'customer' as const, id, via })),
    ...g.identifiers.map((id) => ({ kind: 'identifier' as const, id, via })),
  ]
}
