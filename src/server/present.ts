// What leaves the API: personal data masked for every role (unmasking is its own audited route),
// identifiers as masked text plus an opaque ref, shared passages measured on the masked texts.
import type { Assessment, Contact, Customer, EvidenceRef, Signal } from '../contract/index.js'
import { phoneIdentifier, splitIdentifierKey } from '../links/identifier.js'
import {
  maskContactRecord,
  maskCustomerRecord,
  maskIdentifier,
  maskName,
  maskText,
} from '../privacy/index.js'
import type { SharedPassages } from '../text/shared-passages.js'
import { sharedPassages } from '../text/shared-passages.js'
import type { ContactDetail, QueueItem } from '../workbench/index.js'
import type { IdentifierRefs } from './identifier-ref.js'

export type PresentedIdentifier = { ref: string; identifier: string; kind: string }

export class Presenter {
  constructor(private readonly refs: IdentifierRefs) {}

  identifier(key: string): PresentedIdentifier {
    return {
      ref: this.refs.ref(key),
      identifier: maskIdentifier(key),
      kind: splitIdentifierKey(key).kind,
    }
  }

  evidence(e: EvidenceRef): EvidenceRef & { ref?: string } {
    if (e.kind !== 'identifier') return { ...e, ...(e.note ? { note: maskText(e.note) } : {}) }
    return {
      kind: 'identifier',
      id: maskIdentifier(e.id),
      ref: this.refs.ref(e.id),
      ...(e.note ? { note: maskText(e.note) } : {}),
    }
  }

  signal(s: Signal) {
    return {
      code: s.code,
      weight: s.weight,
      explanation: { 'zh-CN': maskText(s.explanation['zh-CN']), en: maskText(s.explanation.en) },
      evidence: s.evidence.map((e) => this.evidence(e)),
    }
  }

  assessment(a: Assessment) {
    return { ...a, signals: a.signals.map((s) => this.signal(s)) }
  }

  contact(c: Contact, customer: Customer | null = null): Record<string, unknown> {
    return maskContactRecord(c, namesOf(c, customer))
  }

  customer(c: Customer): Record<string, unknown> {
    return maskCustomerRecord(c)
  }

  queueItem(item: QueueItem) {
    const names = namesOf(item.contact, item.customer)
    const caller = callerKey(item.contact)
    return {
      contact_id: item.contact_id,
      channel: item.channel,
      source: item.source,
      received_at: item.received_at,
      customer_id: item.customer_id,
      customer_name: item.customer?.name ? maskName(item.customer.name) : null,
      caller: caller ? maskIdentifier(caller) : null,
      caller_role: item.caller_role,
      summary: maskText(summaryOf(item.contact), names),
      risk: item.risk,
      severity: item.severity,
      categories: item.categories,
      score: item.score,
      gang_id: item.gang_id,
      review: item.review,
    }
  }

  detail(d: ContactDetail) {
    const names = namesOf(d.contact, d.customer)
    const contact = this.contact(d.contact, d.customer)
    const text = typeof contact.text === 'string' ? contact.text : ''
    return {
      contact,
      assessment: d.assessment ? this.assessment(d.assessment) : null,
      review: d.reviews[0] ?? null,
      reviews: d.reviews,
      customer: d.customer ? this.customer(d.customer) : null,
      identifiers: d.identifiers.map((i) => ({
        ...this.identifier(i.identifier),
        role: i.role,
        customers: i.customers,
        contacts: i.contacts,
        watchlisted: i.watchlisted,
      })),
      linked_customers: d.linked_customers.map((l) => ({
        customer_id: l.customer_id,
        name: l.customer?.name ? maskName(l.customer.name) : null,
        via: l.via.map((v) => maskIdentifier(v)),
        via_refs: l.via.map((v) => this.refs.ref(v)),
      })),
      similar: d.similar.map((s) => {
        const other = maskText(s.text, names)
        const shared = sharedPassages(text, other, MIN_PASSAGE)
        return {
          contact_id: s.contact_id,
          customer_id: s.customer_id,
          text: other,
          similarity: overlapShare(shared, text, other),
          shared,
        }
      }),
      attachments: d.attachments,
      recent_contacts: d.recent_contacts,
    }
  }
}

function namesOf(c: Contact, customer: Customer | null): string[] {
  const names = [
    customer?.name,
    c.claimed?.name,
    c.caller?.name,
    ...(c.participants ?? []).map((p) => p.name),
  ]
  return names.filter((n): n is string => typeof n === 'string' && n.length > 0)
}

function callerKey(c: Contact): string | null {
  if (c.caller?.phone)
    return phoneIdentifier(c.caller.phone)?.identifier ?? `phone:${c.caller.phone}`
  if (c.caller?.wechat) return `wechat:${c.caller.wechat}`
  return c.caller?.email ? `email:${c.caller.email}` : null
}

function summaryOf(c: Contact): string {
  const text = (c.text ?? '').replace(/\s+/g, ' ').trim()
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

/** Shared passages shorter than this are common phrases, not copying. */
const MIN_PASSAGE = 8

/** Share of the shorter text covered by shared passages: the "how alike" a handler sees. */
function overlapShare(shared: SharedPassages, a: string, b: string): number {
  if (!a || !b) return 0
  const covered = shared.a.reduce((n, [s, e]) => n + (e - s), 0)
  return Math.round((100 * covered) / Math.min(a.length, b.length)) / 100
}
