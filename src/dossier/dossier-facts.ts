// Everything a dossier says about a case, gathered once and masked as policy says: the customers
// (the victims and borrowers) masked as everywhere; the agency's organisation, people and numbers
// in full, because they are what the police are asked to investigate.
import type { Context } from '../context.js'
import type { Contact, Party } from '../contract/index.js'
import type { Case, CaseEvent, CaseMembersView } from '../cases/index.js'
import { caseFile, caseMembersView } from '../cases/index.js'
import type { EvidenceItem } from '../evidence/index.js'
import { evidenceOfCase } from '../evidence/index.js'
import { splitIdentifierKey } from '../links/identifier.js'
import { maskIdNumber, maskName, maskPhone, maskText } from '../privacy/index.js'
import type { GraphInput } from './relationship-graph.js'

export type AgencyIdentifier = { kind: string; value: string; customers: number; contacts: number }
export type AgencyPerson = { name: string; phones: string[]; contacts: number }
export type AffectedCustomer = {
  customer_id: string
  name: string
  phone: string
  id_number: string
  loan: string
  outstanding_fen: number | null
  contacts: number
}
export type TimelineEntry = { at: string; what: string }
export type EvidenceEntry = EvidenceItem & { added_line_hash: string }

export type DossierFacts = {
  case: Case
  asOf: string
  period: { from: string; to: string } | null
  contacts: number
  victimReports: number
  organisations: { name: string; contacts: number }[]
  agents: AgencyPerson[]
  identifiers: AgencyIdentifier[]
  customers: AffectedCustomer[]
  timeline: TimelineEntry[]
  amounts: { label: string; fen: number }[]
  evidence: EvidenceEntry[]
  graph: GraphInput
}

export async function dossierFacts(ctx: Context, caseId: string): Promise<DossierFacts> {
  const file = await caseFile(ctx, caseId)
  const view = await caseMembersView(ctx, file.members)
  const evidence = await evidenceWithAddedLines(ctx, caseId)
  const links = await identifierLinks(ctx, view)
  const names = namesIn(view)
  const customers = affectedCustomers(view)
  const outstanding = customers.reduce((s, c) => s + (c.outstanding_fen ?? 0), 0)
  return {
    case: file.case,
    asOf: latest([
      file.case.updated_at,
      ...file.timeline.map((e) => e.at),
      ...evidence.map((e) => e.added_at),
    ]),
    period: view.contacts.length
      ? { from: view.contacts[0]!.received_at, to: view.contacts.at(-1)!.received_at }
      : null,
    contacts: view.contacts.length,
    victimReports: view.contacts.filter((c) => c.channel === 'victim_report').length,
    organisations: organisationsOf(view),
    agents: agentsOf(view),
    identifiers: agencyIdentifiers(view, links),
    customers,
    timeline: timelineOf(view, file.timeline, names),
    amounts: [
      ...file.case.amounts,
      ...(outstanding ? [{ label: '受影响客户未结清借款余额合计', fen: outstanding }] : []),
    ],
    evidence,
    graph: graphOf(view, links),
  }
}

const latest = (times: string[]) => times.reduce((a, b) => (b > a ? b : a), '')

function namesIn(view: CaseMembersView): string[] {
  const names = view.customers.map((c) => c.customer?.name)
  for (const c of view.contacts) names.push(c.contact.claimed?.name, c.contact.caller?.name)
  return [...new Set(names.filter((n): n is string => !!n))]
}

async function evidenceWithAddedLines(ctx: Context, caseId: string): Promise<EvidenceEntry[]> {
  const items = await evidenceOfCase(ctx, caseId)
  if (!items.length) return []
  const lines = await ctx.db
    .selectFrom('custody_log')
    .select(['evidence_id', 'hash'])
    .where('action', '=', 'added')
    .where(
      'evidence_id',
      'in',
      items.map((i) => i.evidence_id),
    )
    .execute()
  const hash = new Map(lines.map((l) => [l.evidence_id, l.hash]))
  return items.map((i) => ({ ...i, added_line_hash: hash.get(i.evidence_id) ?? '' }))
}

type Link = { identifier: string; contact_id: string; customer_id: string | null }

async function identifierLinks(ctx: Context, view: CaseMembersView): Promise<Link[]> {
  const agency = view.identifiers.map((i) => i.identifier)
  const contacts = view.contacts.map((c) => c.contact_id)
  if (!agency.length || !contacts.length) return []
  const out: Link[] = []
  for (let i = 0; i < contacts.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('contact_identifiers')
      .select(['identifier', 'contact_id', 'customer_id'])
      .where('contact_id', 'in', contacts.slice(i, i + 500))
      .where('identifier', 'in', agency)
      .execute()
    out.push(...rows)
  }
  return out.sort(
    (a, b) => a.identifier.localeCompare(b.identifier) || a.contact_id.localeCompare(b.contact_id),
  )
}

/** The agency's numbers as the police can dial them: a Chinese mobile without its +86. */
export function displayValue(identifier: string): string {
  const { kind, value } = splitIdentifierKey(identifier)
  return kind === 'phone' ? value.replace(/^\+86/, '') : value
}

function agencyIdentifiers(view: CaseMembersView, links: Link[]): AgencyIdentifier[] {
  return view.identifiers
    .map(({ identifier }) => {
      const mine = links.filter((l) => l.identifier === identifier)
      return {
        kind: splitIdentifierKey(identifier).kind,
        value: displayValue(identifier),
        customers: new Set(mine.map((l) => l.customer_id).filter(Boolean)).size,
        contacts: new Set(mine.map((l) => l.contact_id)).size,
      }
    })
    .sort(
      (a, b) =>
        b.customers - a.customers || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value),
    )
}

function agencyParties(c: Contact): Party[] {
  const parties = [...(c.participants ?? [])]
  if (c.caller && c.caller.role !== 'self') parties.unshift(c.caller)
  return parties.filter((p) => p.role !== 'self' && p.role !== 'relative' && p.role !== 'lawyer')
}

function organisationsOf(view: CaseMembersView) {
  const count = new Map<string, number>()
  for (const c of view.contacts)
    for (const p of agencyParties(c.contact))
      if (p.organization) count.set(p.organization, (count.get(p.organization) ?? 0) + 1)
  return [...count]
    .map(([name, contacts]) => ({ name, contacts }))
    .sort((a, b) => b.contacts - a.contacts || a.name.localeCompare(b.name))
}

function agentsOf(view: CaseMembersView): AgencyPerson[] {
  const byName = new Map<string, { phones: Set<string>; contacts: number }>()
  for (const c of view.contacts)
    for (const p of agencyParties(c.contact)) {
      if (!p.name) continue
      const a = byName.get(p.name) ?? { phones: new Set<string>(), contacts: 0 }
      if (p.phone) a.phones.add(p.phone.replace(/\s+/g, ''))
      a.contacts++
      byName.set(p.name, a)
    }
  return [...byName]
    .map(([name, a]) => ({ name, phones: [...a.phones].sort(), contacts: a.contacts }))
    .sort((a, b) => b.contacts - a.contacts || a.name.localeCompare(b.name))
}

function affectedCustomers(view: CaseMembersView): AffectedCustomer[] {
  return view.customers.map(({ customer_id, customer }) => ({
    customer_id,
    name: customer?.name ? maskName(customer.name) : '—',
    phone: customer?.phone ? maskPhone(customer.phone) : '—',
    id_number: customer?.id_number ? maskIdNumber(customer.id_number) : '—',
    loan: customer?.loan?.status ?? '—',
    outstanding_fen:
      customer?.loan?.outstanding !== undefined
        ? Math.round(customer.loan.outstanding * 100)
        : null,
    contacts: view.contacts.filter((c) => c.customer_id === customer_id).length,
  }))
}

const channelLabel: Record<string, string> = {
  call: '来电',
  app_feedback: 'App 反馈',
  online_ticket: '在线工单',
  regulator: '监管转办',
  letter: '信函',
  email: '邮件',
  social: '社交媒体',
  victim_report: '受害人举报',
}

const stateLabel: Record<string, string> = {
  lead: '线索',
  investigating: '调查取证',
  preparing_report: '筹备报案',
  reported: '已报案',
  filed: '已立案',
  closed: '结案',
}

function timelineOf(view: CaseMembersView, events: CaseEvent[], names: string[]): TimelineEntry[] {
  const contacts = view.contacts.map((c) => ({
    at: c.received_at,
    what: `${channelLabel[c.channel] ?? c.channel} ${c.contact_id}（客户 ${c.customer_id ?? '—'}）：${maskText(
      (c.contact.text ?? '').replace(/\s+/g, ' ').slice(0, 60),
      names,
    )}`,
  }))
  const changes = events.flatMap((e): TimelineEntry[] => {
    const reason =
      typeof e.detail.reason === 'string' ? `：${maskText(e.detail.reason, names)}` : ''
    if (e.kind === 'opened') return [{ at: e.at, what: `${e.actor} 立案为线索` }]
    if (e.kind === 'transition')
      return [
        {
          at: e.at,
          what: `${e.actor} 将案件由“${stateLabel[e.from_state ?? ''] ?? ''}”转为“${stateLabel[e.to_state ?? ''] ?? ''}”${reason}`,
        },
      ]
    if (e.kind === 'evidence_added')
      return [
        {
          at: e.at,
          what: `${e.actor} 提交证据 ${String(e.detail.evidence_id)}（${String(e.detail.filename)}）`,
        },
      ]
    if (e.kind === 'victim_report_linked') return [{ at: e.at, what: `${e.actor} 关联受害人举报` }]
    return []
  })
  return [...contacts, ...changes].sort(
    (a, b) => a.at.localeCompare(b.at) || a.what.localeCompare(b.what),
  )
}

/** Weak links (shared IP, similar images) are listed in the tables but would crowd the picture. */
const DRAWN_KINDS = new Set([
  'phone',
  'wechat',
  'email',
  'organization',
  'agent_name',
  'device',
  'sha256',
])

function graphOf(view: CaseMembersView, links: Link[]): GraphInput {
  const customerName = new Map(
    view.customers.map((c) => [
      c.customer_id,
      c.customer?.name ? maskName(c.customer.name) : c.customer_id,
    ]),
  )
  const edges = new Map<string, { from: string; to: string }>()
  for (const l of links)
    if (l.customer_id)
      edges.set(`${l.identifier}\u0000${l.customer_id}`, {
        from: l.identifier,
        to: `customer:${l.customer_id}`,
      })
  return {
    agency: view.identifiers
      .filter((i) => DRAWN_KINDS.has(splitIdentifierKey(i.identifier).kind))
      .map((i) => ({
        id: i.identifier,
        type: splitIdentifierKey(i.identifier).kind,
        label: displayValue(i.identifier),
      })),
    customers: view.customers.map((c) => ({
      id: `customer:${c.customer_id}`,
      label: `${customerName.get(c.customer_id) ?? ''} ${c.customer_id}`,
    })),
    edges: [...edges.values()],
  }
}
