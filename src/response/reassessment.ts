// What a response finds changes assessments: the findings are updated, the contacts they touch are
// assessed again, stored, and every change is logged with its reason — shown to handlers as such.
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import type { Signal } from '../contract/index.js'
import type { Detector, ResponseFindings, ScoredAssessment } from '../detect/index.js'
import { responseFindingsOf, saveAssessments } from '../detect/index.js'
import type { RecordedCall } from './call-contact.js'

/** The live detector as the server holds it: changes run one at a time, each announced. */
export type DetectorHost = {
  readonly detector: Detector
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  announce?(
    change:
      | { kind: 'contact-added'; contact: RecordedCall['contact']; links: RecordedCall['links'] }
      | { kind: 'response-findings' },
  ): void
}

export type ChangeReason = {
  kind: 'call_answer' | 'verification_outcome' | 'linked_contact'
  /** The call, verification task or new contact that brought the finding. */
  ref: string
  /** For people, in the handler's language first. */
  text: string
  actor: string
}

export type AssessmentChange = {
  contact_id: string
  risk_before: string | null
  risk_after: string
  score_before: number | null
  score_after: number
  signals_added: string[]
  signals_removed: string[]
  reason: ChangeReason
  changed_at: string
}

/** Contacts re-assessed when a call links to them; the newest first past this many are left. */
const MAX_LINKED = 200

export class Reassessment {
  constructor(
    private readonly ctx: Context,
    private readonly host: DetectorHost,
  ) {}

  /**
   * A call recorded as a new contact joins detection and gets its first assessment; the contacts it
   * links to (the same caller's number) are assessed again, each change logged with the new contact
   * as its reason — one more customer on a number is what turns a caller into a fan-out.
   */
  addCall(rec: RecordedCall): Promise<ScoredAssessment> {
    return this.host.exclusive(async () => {
      const d = this.host.detector
      const idx = d.index.addContact(rec.contact, rec.links)
      d.invalidate()
      this.host.announce?.({ kind: 'contact-added', contact: rec.contact, links: rec.links })
      const a = d.assess(idx)
      const now = this.ctx.clock.now().toISOString()
      await saveAssessments(this.ctx.db, [a], now)
      const id = rec.contact.contact_id
      const reason: ChangeReason = {
        kind: 'linked_contact',
        ref: id,
        text: `新的关联联系记录 ${id}（同一来电号码）/ a new linked contact ${id} (the same caller's number)`,
        actor: typeof rec.contact.recorded_by === 'string' ? rec.contact.recorded_by : 'system',
      }
      await this.reassess(linkedTo(d, idx, rec), reason, now)
      return a
    })
  }

  /** Applies a finding, re-assesses the contacts in scope and logs what changed. */
  apply(
    reason: ChangeReason,
    update: (f: ResponseFindings) => void,
    scope: { customerId: string | null; contactIds: string[] },
  ): Promise<AssessmentChange[]> {
    return this.host.exclusive(async () => {
      const d = this.host.detector
      update(responseFindingsOf(d.index))
      this.host.announce?.({ kind: 'response-findings' })
      const targets = new Set(scope.contactIds.map((id) => d.index.byId.get(id)))
      if (scope.customerId)
        for (const c of d.index.contactsOfCustomer(scope.customerId)) targets.add(c.idx)
      return this.reassess(targets, reason, this.ctx.clock.now().toISOString())
    })
  }

  private async reassess(
    targets: Iterable<number | undefined>,
    reason: ChangeReason,
    now: string,
  ): Promise<AssessmentChange[]> {
    const d = this.host.detector
    const changes: AssessmentChange[] = []
    for (const idx of targets) {
      if (idx === undefined) continue
      const after = d.assess(idx)
      const before = await storedAssessment(this.ctx, after.contact_id)
      const change = diff(before, after, reason, now)
      await saveAssessments(this.ctx.db, [after], now)
      if (change) changes.push(change)
    }
    await saveChanges(this.ctx, changes)
    return changes
  }
}

/** The other contacts sharing the new call's caller identifiers, newest first. */
function linkedTo(d: Detector, idx: number, rec: RecordedCall): Set<number> {
  const out = new Set<number>()
  for (const link of rec.links) {
    if (link.role !== 'caller') continue
    const others = d.index.postings.contactsOf(link.identifier)
    for (let k = others.length - 1; k >= 0 && out.size < MAX_LINKED; k--) {
      const other = others[k]
      if (other !== undefined && other !== idx) out.add(other)
    }
  }
  return out
}

type Stored = { risk: string; score: number; signals: Signal[] }

async function storedAssessment(ctx: Context, contactId: string): Promise<Stored | null> {
  const r = await ctx.db
    .selectFrom('assessments')
    .select(['risk', 'score', 'signals'])
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  return r
    ? { risk: r.risk, score: Number(r.score), signals: JSON.parse(r.signals) as Signal[] }
    : null
}

function diff(
  before: Stored | null,
  after: ScoredAssessment,
  reason: ChangeReason,
  now: string,
): AssessmentChange | null {
  const was = new Set(before?.signals.map((s) => s.code) ?? [])
  const is = new Set(after.signals.map((s) => s.code))
  const added = [...is].filter((c) => !was.has(c))
  const removed = [...was].filter((c) => !is.has(c))
  const weightsBefore = JSON.stringify(before?.signals.map((s) => [s.code, s.weight]) ?? [])
  const weightsAfter = JSON.stringify(after.signals.map((s) => [s.code, s.weight]))
  if (before?.risk === after.risk && weightsBefore === weightsAfter) return null
  return {
    contact_id: after.contact_id,
    risk_before: before?.risk ?? null,
    risk_after: after.risk,
    score_before: before?.score ?? null,
    score_after: after.score,
    signals_added: added,
    signals_removed: removed,
    reason,
    changed_at: now,
  }
}

async function saveChanges(ctx: Context, changes: AssessmentChange[]): Promise<void> {
  if (!changes.length) return
  await ctx.db
    .insertInto('assessment_changes')
    .values(
      changes.map((c) => ({
        change_id: randomUUID(),
        contact_id: c.contact_id,
        reason_kind: c.reason.kind,
        reason_ref: c.reason.ref,
        reason: c.reason.text,
        risk_before: c.risk_before,
        risk_after: c.risk_after,
        score_before: c.score_before,
        score_after: c.score_after,
        signals_added: JSON.stringify(c.signals_added),
        signals_removed: JSON.stringify(c.signals_removed),
        changed_by: c.reason.actor,
        changed_at: c.changed_at,
      })),
    )
    .execute()
}

export async function assessmentChangesOf(
  ctx: Context,
  contactId: string,
): Promise<AssessmentChange[]> {
  const rows = await ctx.db
    .selectFrom('assessment_changes')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('changed_at', 'desc')
    .execute()
  return rows.map((r) => ({
    contact_id: r.contact_id,
    risk_before: r.risk_before,
    risk_after: r.risk_after,
    score_before: r.score_before === null ? null : Number(r.score_before),
    score_after: Number(r.score_after),
    signals_added: JSON.parse(r.signals_added) as string[],
    signals_removed: JSON.parse(r.signals_removed) as string[],
    reason: {
      kind: r.reason_kind as ChangeReason['kind'],
      ref: r.reason_ref,
      text: r.reason,
      actor: r.changed_by,
    },
    changed_at: r.changed_at,
  }))
}
