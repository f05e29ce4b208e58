// What leaves the API about a case: customers and phones masked like everywhere else, identifiers
// as masked text with an opaque ref, texts masked.
import type { Case, CaseEvent, CaseFile, CaseMembersView } from '../cases/index.js'
import type { EvidenceItem } from '../evidence/index.js'
import type { CustodyLine } from '../evidence/index.js'
import { maskName, maskText } from '../privacy/index.js'
import type { Presenter } from './present.js'

export function presentCase(c: Case) {
  return { ...c, summary: maskText(c.summary), title: maskText(c.title) }
}

export function presentEvent(e: CaseEvent) {
  const text = typeof e.detail.text === 'string' ? maskText(e.detail.text) : undefined
  const reason = typeof e.detail.reason === 'string' ? maskText(e.detail.reason) : undefined
  return { ...e, detail: { ...e.detail, ...(text ? { text } : {}), ...(reason ? { reason } : {}) } }
}

/** Every name the case's records carry: masked out of free texts wherever they appear. */
function namesIn(view: CaseMembersView): string[] {
  const names = [
    ...view.customers.map((c) => c.customer?.name),
    ...view.contacts.flatMap((c) => [
      c.contact.claimed?.name,
      c.contact.caller?.name,
      ...(c.contact.participants ?? []).map((p) => p.name),
    ]),
  ]
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.length > 0))]
}

export function presentMembers(view: CaseMembersView, present: Presenter) {
  const names = namesIn(view)
  return {
    contacts: view.contacts.map((c) => ({
      contact_id: c.contact_id,
      channel: c.channel,
      received_at: c.received_at,
      customer_id: c.customer_id,
      risk: c.risk,
      severity: c.severity,
      via: c.via,
      summary: maskText((c.contact.text ?? '').replace(/\s+/g, ' ').slice(0, 120), names),
    })),
    customers: view.customers.map((c) => ({
      customer_id: c.customer_id,
      name: c.customer?.name ? maskName(c.customer.name) : null,
      via: c.via,
    })),
    identifiers: view.identifiers.map((i) => ({ ...present.identifier(i.identifier), via: i.via })),
  }
}

export function presentCaseFile(
  file: CaseFile,
  view: CaseMembersView,
  evidence: EvidenceItem[],
  custody: CustodyLine[],
  present: Presenter,
) {
  return {
    case: presentCase(file.case),
    members: presentMembers(view, present),
    timeline: file.timeline.map(presentEvent),
    evidence: evidence.map((e) => ({
      ...e,
      description: maskText(e.description),
      custody: custody
        .filter((l) => l.evidence_id === e.evidence_id)
        .map((l) => ({
          seq: Number(l.seq),
          at: l.at,
          actor: l.actor,
          action: l.action,
          hash: l.hash,
        })),
    })),
  }
}
