// Running a call with a script: start it pinned to the current version (recording the call as a
// contact when it is not one yet), take answers step by step, go back one step, end it early,
// resume it later. Answers that carry a signal re-assess the contact; a `verify` outcome asks the
// customer directly. The complaint is recorded whatever the answers.
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import type { Contact } from '../contract/index.js'
import { phoneIdentifier } from '../links/identifier.js'
import type { CallRun, EndReason } from './call-run.js'
import { recordCallContact } from './call-contact.js'
import {
  advanceCallRun,
  insertAnswer,
  insertCallRun,
  loadCallRun,
  nextAnswerSeq,
  supersedeAnswer,
} from './call-runs.repository.js'
import type { AssessmentChange, Reassessment } from './reassessment.js'
import { ResponseError } from './response-error.js'
import { storedContact } from './stored-contact.js'
import type { CallOutcome, CallScript } from './script-definition.js'
import { callOutcomes } from './script-definition.js'
import { acceptAnswer } from './script-engine.js'
import type { ScriptLibrary } from './script-library.js'

export type CallDeps = {
  ctx: Context
  scripts: ScriptLibrary
  reassess: Reassessment
  /** Creates (or finds) the verification task a `verify` outcome asks for; null without a customer. */
  requestVerification: (run: CallRun, actor: string) => Promise<{ task_id: string } | null>
}

export type StartCall = {
  scriptId: string
  phone?: string
  customerId?: string
  contactId?: string
  actor: string
}

export async function startCall(deps: CallDeps, input: StartCall): Promise<CallRun> {
  const { ctx } = deps
  const script = deps.scripts.current(input.scriptId)
  if (!script)
    throw new ResponseError('validation', `no call script '${input.scriptId}'`, 'script_id')
  const contact = input.contactId
    ? await storedContact(ctx, input.contactId)
    : await newCallContact(deps, input)
  const now = ctx.clock.now().toISOString()
  const run: CallRun = {
    call_id: `call_${randomUUID()}`,
    script_id: script.id,
    script_version: script.version,
    contact_id: contact.contact_id,
    customer_id: contact.customer_id ?? input.customerId ?? null,
    caller_identifier: phoneIdentifier(contact.caller?.phone)?.identifier ?? null,
    status: 'in_progress',
    current_step: script.start,
    outcome: null,
    end_reason: null,
    started_by: input.actor,
    started_at: now,
    updated_at: now,
    ended_at: null,
    answers: [],
  }
  await insertCallRun(ctx.db, run)
  return run
}

async function newCallContact(deps: CallDeps, input: StartCall): Promise<Contact> {
  if (!input.phone && !input.customerId)
    throw new ResponseError(
      'validation',
      "give the caller's phone, the customer or a contact",
      'phone',
    )
  const rec = await recordCallContact(deps.ctx, {
    phone: input.phone ?? null,
    customerId: input.customerId ?? null,
    agent: input.actor,
  })
  await deps.reassess.addCall(rec)
  return rec.contact
}

export async function getCall(
  deps: CallDeps,
  callId: string,
): Promise<{ run: CallRun; script: CallScript }> {
  const run = await loadCallRun(deps.ctx.db, callId)
  if (!run) throw new ResponseError('not_found', `no call ${callId}`)
  const stored = deps.scripts.versionOf(run.script_id, run.script_version)
  if (!stored)
    throw new Error(`call ${callId}: script ${run.script_id} v${run.script_version} is not stored`)
  return { run, script: stored.script }
}

export type AnswerResult = {
  run: CallRun
  script: CallScript
  verification: { task_id: string } | null
  changes: AssessmentChange[]
}

export async function answerStep(
  deps: CallDeps,
  callId: string,
  input: { stepId: string; value: unknown; actor: string },
): Promise<AnswerResult> {
  const { ctx } = deps
  const { run, script } = await getCall(deps, callId)
  assertAt(run, input.stepId)
  const accepted = acceptAnswer(script, input.stepId, input.value)
  const now = ctx.clock.now().toISOString()
  const ended = accepted.outcome !== null
  const moved = await advanceCallRun(ctx.db, callId, input.stepId, {
    current_step: accepted.next,
    status: ended ? 'completed' : 'in_progress',
    outcome: accepted.outcome,
    ended_at: ended ? now : null,
    updated_at: now,
  })
  if (!moved)
    throw new ResponseError('conflict', 'the call moved on meanwhile: reload it', 'step_id')
  await insertAnswer(ctx.db, callId, {
    seq: await nextAnswerSeq(ctx.db, callId),
    step_id: input.stepId,
    value: accepted.value,
    signal: accepted.signal,
    answered_by: input.actor,
    answered_at: now,
  })
  const after = (await getCall(deps, callId)).run
  const changes = accepted.signal ? await reassessAnswers(deps, after, input.actor) : []
  const verification =
    accepted.outcome && callOutcomes[accepted.outcome].verify
      ? await deps.requestVerification(after, input.actor)
      : null
  return { run: after, script, verification, changes }
}

function assertAt(run: CallRun, stepId: string): void {
  if (run.status !== 'in_progress')
    throw new ResponseError('conflict', `the call is ${run.status}`, 'step_id')
  if (run.current_step !== stepId)
    throw new ResponseError(
      'conflict',
      `the call is at step '${run.current_step ?? ''}', not '${stepId}'`,
      'step_id',
    )
}

function reassessAnswers(deps: CallDeps, run: CallRun, actor: string): Promise<AssessmentChange[]> {
  const codes = run.answers.flatMap((a) => (a.signal ? [a.signal] : []))
  return deps.reassess.apply(
    {
      kind: 'call_answer',
      ref: run.call_id,
      text: `通话话术回答（${run.script_id} v${run.script_version}）/ call script answers`,
      actor,
    },
    (f) => f.setAnswers(run.contact_id, run.call_id, codes),
    { customerId: null, contactIds: [run.contact_id] },
  )
}

/** Takes back the last answer (kept on record, marked superseded) and returns to its step. */
export async function stepBack(deps: CallDeps, callId: string, actor: string): Promise<CallRun> {
  const { run } = await getCall(deps, callId)
  if (run.status !== 'in_progress') throw new ResponseError('conflict', `the call is ${run.status}`)
  const last = run.answers.at(-1)
  if (!last) throw new ResponseError('conflict', 'the call is at its first step')
  const now = deps.ctx.clock.now().toISOString()
  const moved = await advanceCallRun(deps.ctx.db, callId, run.current_step, {
    current_step: last.step_id,
    updated_at: now,
  })
  if (!moved) throw new ResponseError('conflict', 'the call moved on meanwhile: reload it')
  await supersedeAnswer(deps.ctx.db, callId, last.seq)
  const after = (await getCall(deps, callId)).run
  if (last.signal) await reassessAnswers(deps, after, actor)
  return after
}

export async function endCallEarly(
  deps: CallDeps,
  callId: string,
  reason: EndReason,
): Promise<CallRun> {
  const { run } = await getCall(deps, callId)
  if (run.status !== 'in_progress') throw new ResponseError('conflict', `the call is ${run.status}`)
  const now = deps.ctx.clock.now().toISOString()
  // current_step stays: where a call ended is what the analytics count.
  await advanceCallRun(deps.ctx.db, callId, run.current_step, {
    status: 'ended_early',
    end_reason: reason,
    ended_at: now,
    updated_at: now,
  })
  return (await getCall(deps, callId)).run
}

export type { CallOutcome }
