// What the response to a contact found out — the agent's scripted answers and the customer's own
// word on a representative — held beside the detection index so signals can read it. Loaded from
// the store with the index, updated in place when a call or a verification records something new.
import type { Context } from '../context.js'
import type { Contact } from '../contract/index.js'
import { phoneIdentifier } from '../links/identifier.js'
import type { ContactFacts } from './contact-facts.js'
import type { DetectionIndex } from './detection-index.js'

export const verificationOutcomes = ['confirmed', 'denied', 'unreachable', 'refused'] as const
export type VerificationOutcome = (typeof verificationOutcomes)[number]

export type AnswerFinding = { code: string; callId: string }
export type OutcomeFinding = { outcome: VerificationOutcome; taskId: string; at: string }

export class ResponseFindings {
  private readonly answers = new Map<string, AnswerFinding[]>()
  private readonly outcomes = new Map<string, OutcomeFinding>()

  setAnswers(contactId: string, callId: string, codes: string[]): void {
    const others = (this.answers.get(contactId) ?? []).filter((a) => a.callId !== callId)
    this.answers.set(contactId, [...others, ...codes.map((code) => ({ code, callId }))])
  }

  answersOf(contactId: string): AnswerFinding[] {
    return this.answers.get(contactId) ?? []
  }

  /** The customer's latest conclusive word on this representative; `unreachable` changes nothing. */
  setOutcome(customerId: string, representativeKey: string, o: OutcomeFinding): void {
    if (o.outcome === 'unreachable') return
    const key = `${customerId}\u0000${representativeKey}`
    const before = this.outcomes.get(key)
    if (!before || before.at <= o.at) this.outcomes.set(key, o)
  }

  outcomeFor(
    c: Pick<ContactFacts, 'customerId' | 'callerPhone' | 'contactId'>,
  ): OutcomeFinding | null {
    if (!c.customerId) return null
    const byPhone = c.callerPhone
      ? this.outcomes.get(`${c.customerId}\u0000${c.callerPhone}`)
      : undefined
    return byPhone ?? this.outcomes.get(`${c.customerId}\u0000contact:${c.contactId}`) ?? null
  }
}

/** Whom a verification is about: the number a contact came from, else the contact itself. */
export function representativeKeyOf(contact: Pick<Contact, 'contact_id' | 'caller'>): string {
  return phoneIdentifier(contact.caller?.phone)?.identifier ?? `contact:${contact.contact_id}`
}

// Kept beside the index rather than in it: the index's shape belongs to detection proper.
const byIndex = new WeakMap<DetectionIndex, ResponseFindings>()

export function responseFindingsOf(index: DetectionIndex): ResponseFindings {
  let f = byIndex.get(index)
  if (!f) byIndex.set(index, (f = new ResponseFindings()))
  return f
}

/** Reads the findings again from scratch (a replica following the server's detector). */
export async function reloadResponseFindings(ctx: Context, index: DetectionIndex): Promise<void> {
  const fresh = new ResponseFindings()
  await loadFindingsInto(ctx, fresh)
  byIndex.set(index, fresh)
}

export async function loadResponseFindings(ctx: Context, index: DetectionIndex): Promise<void> {
  await loadFindingsInto(ctx, responseFindingsOf(index))
}

async function loadFindingsInto(ctx: Context, findings: ResponseFindings): Promise<void> {
  const answers = await ctx.db
    .selectFrom('call_answers as a')
    .innerJoin('call_runs as r', 'r.call_id', 'a.call_id')
    .select(['r.contact_id', 'r.call_id', 'a.signal'])
    .where('a.signal', 'is not', null)
    .where('a.superseded', '=', 0)
    .execute()
  const byCall = new Map<string, { contactId: string; codes: string[] }>()
  for (const a of answers) {
    const entry = byCall.get(a.call_id) ?? { contactId: a.contact_id, codes: [] }
    entry.codes.push(a.signal as string)
    byCall.set(a.call_id, entry)
  }
  for (const [callId, e] of byCall) findings.setAnswers(e.contactId, callId, e.codes)
  const outcomes = await ctx.db
    .selectFrom('verification_tasks')
    .select(['task_id', 'customer_id', 'representative_key', 'outcome', 'completed_at'])
    .where('outcome', 'is not', null)
    .orderBy('completed_at')
    .execute()
  for (const o of outcomes)
    findings.setOutcome(o.customer_id, o.representative_key, {
      outcome: o.outcome as VerificationOutcome,
      taskId: o.task_id,
      at: o.completed_at ?? '',
    })
}
