// Business operations on cases. Each runs in one transaction: the change and its timeline entry
// are written together or not at all.
import { randomBytes } from 'node:crypto'
import type { Context } from '../context.js'
import type {
  Case,
  CaseEvent,
  CaseMember,
  MemberKind,
  OpenCaseInput,
  TransitionInput,
  UpdateCaseInput,
} from './case.js'
import { CaseError, notFound } from './case-error.js'
import { gather, membersFrom } from './case-gathering.js'
import {
  addMembers,
  appendEvent,
  findCase,
  lockCase,
  insertCase,
  membersOf,
  openCaseOfGang,
  saveCase,
  timelineOf,
} from './case.repository.js'
import type { Db } from './case.repository.js'
import { canTransition } from './case-state.js'

export type CaseFile = { case: Case; members: CaseMember[]; timeline: CaseEvent[] }

export async function openCase(ctx: Context, input: OpenCaseInput, actor: string): Promise<Case> {
  const g = await gather(ctx.db, input.origin, input.ref)
  if (g.gangId) {
    const existing = await openCaseOfGang(ctx.db, g.gangId)
    if (existing)
      throw new CaseError(
        'conflict',
        `gang ${g.gangId} already has an open case ${existing}`,
        'ref',
      )
  }
  const at = ctx.clock.now().toISOString()
  const c: Case = {
    case_id: newCaseId(ctx.clock.now()),
    title: input.title || defaultTitle(input, g.customers.length),
    summary: input.summary ?? '',
    state: 'lead',
    outcome: null,
    severity: g.severity,
    severity_reasons: g.reasons,
    origin_kind: input.origin,
    origin_ref: input.ref ?? null,
    gang_id: g.gangId,
    assignee: null,
    due_at: null,
    joint: false,
    joint_partners: [],
    amounts: [],
    police_report_ref: null,
    police_case_ref: null,
    created_by: actor,
    created_at: at,
    updated_at: at,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertCase(trx, c)
    await addMembers(trx, c.case_id, membersFrom(g, input.origin), actor, at)
    await appendEvent(trx, c.case_id, {
      kind: 'opened',
      actor,
      at,
      to_state: 'lead',
      detail: {
        origin: input.origin,
        ref: input.origin === 'identifier' ? 'identifier' : (input.ref ?? null),
        contacts: g.contacts.length,
        customers: g.customers.length,
        identifiers: g.identifiers.length,
      },
    })
  })
  return c
}

/** `GL-YYYYMMDD-XXXXX`: the Beijing date it was opened and a random tail, readable on the phone. */
function newCaseId(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const tail = [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('')
  return `GL-${day}-${tail}`
}

function defaultTitle(input: OpenCaseInput, customers: number): string {
  if (input.origin === 'gang') return `代理维权团伙线索（${customers} 名客户）`
  if (input.origin === 'contact') return `联系 ${input.ref ?? ''} 线索（${customers} 名客户）`
  if (input.origin === 'identifier') return `关联标识线索（${customers} 名客户）`
  return '手工立项线索'
}

export async function caseFile(ctx: Context, caseId: string): Promise<CaseFile> {
  const c = await findCase(ctx.db, caseId)
  if (!c) throw notFound('case', caseId)
  const [members, timeline] = await Promise.all([
    membersOf(ctx.db, caseId),
    timelineOf(ctx.db, caseId),
  ])
  return { case: c, members, timeline }
}

/** Runs `change` on the current case in a transaction and saves it with `updated_at` moved on. */
async function changeCase(
  ctx: Context,
  caseId: string,
  change: (c: Case, trx: Db, at: string) => Promise<Case>,
): Promise<Case> {
  return ctx.db.transaction().execute(async (trx) => {
    // One change of a case at a time, or two would take the same place on its timeline.
    await lockCase(trx, caseId)
    const c = await findCase(trx, caseId)
    if (!c) throw notFound('case', caseId)
    const at = ctx.clock.now().toISOString()
    const next = { ...(await change(c, trx, at)), updated_at: at }
    await saveCase(trx, next)
    return next
  })
}

export async function transitionCase(
  ctx: Context,
  caseId: string,
  t: TransitionInput,
  actor: string,
): Promise<Case> {
  return changeCase(ctx, caseId, async (c, trx, at) => {
    if (!canTransition(c.state, t.to))
      throw new CaseError('conflict', `a case cannot move from ${c.state} to ${t.to}`, 'to')
    if (t.to === 'closed' && !t.outcome)
      throw new CaseError('validation', 'closing a case needs its outcome', 'outcome')
    if (t.to === 'filed' && !t.police_case_ref && !c.police_case_ref)
      throw new CaseError(
        'validation',
        'a filed case needs the police case number',
        'police_case_ref',
      )
    const next: Case = {
      ...c,
      state: t.to,
      outcome: t.to === 'closed' ? (t.outcome ?? null) : null,
      police_report_ref: t.police_report_ref ?? c.police_report_ref,
      police_case_ref: t.police_case_ref ?? c.police_case_ref,
    }
    await appendEvent(trx, caseId, {
      kind: 'transition',
      actor,
      at,
      from_state: c.state,
      to_state: t.to,
      detail: {
        reason: t.reason,
        ...(next.outcome ? { outcome: next.outcome } : {}),
        ...(t.police_report_ref ? { police_report_ref: t.police_report_ref } : {}),
        ...(t.police_case_ref ? { police_case_ref: t.police_case_ref } : {}),
      },
    })
    return next
  })
}

export async function updateCase(
  ctx: Context,
  caseId: string,
  u: UpdateCaseInput,
  actor: string,
): Promise<Case> {
  return changeCase(ctx, caseId, async (c, trx, at) => {
    const { reason, ...fields } = u
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(c[k as keyof Case]),
      ),
    ) as Partial<Case>
    if (!Object.keys(changed).length) return c
    await appendEvent(trx, caseId, {
      kind: 'updated',
      actor,
      at,
      detail: { changed: describeChanges(c, changed), ...(reason ? { reason } : {}) },
    })
    return { ...c, ...changed }
  })
}

/** Before and after of each changed field; long texts are named, not copied. */
function describeChanges(c: Case, changed: Partial<Case>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changed).map(([k, v]): [string, unknown] =>
      k === 'summary'
        ? [k, { updated: true }]
        : [k, { from: c[k as keyof Case], to: v as unknown }],
    ),
  )
}

export async function commentOnCase(
  ctx: Context,
  caseId: string,
  text: string,
  actor: string,
): Promise<void> {
  await changeCase(ctx, caseId, async (c, trx, at) => {
    await appendEvent(trx, caseId, { kind: 'comment', actor, at, detail: { text } })
    return c
  })
}

export async function addCaseMembers(
  ctx: Context,
  caseId: string,
  kind: MemberKind,
  ids: string[],
  actor: string,
  via = 'manual',
): Promise<number> {
  let added = 0
  await changeCase(ctx, caseId, async (c, trx, at) => {
    added = await addMembers(
      trx,
      caseId,
      ids.map((id) => ({ kind, id, via })),
      actor,
      at,
    )
    if (added)
      await appendEvent(trx, caseId, {
        kind: via === 'victim_report' ? 'victim_report_linked' : 'members_added',
        actor,
        at,
        detail: { kind, count: added, ...(kind === 'contact' ? { ids: ids.slice(0, 50) } : {}) },
      })
    return c
  })
  return added
}
