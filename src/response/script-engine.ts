// Running a script: which step comes first, whether an answer fits its step, and where it leads.
// Pure functions over one pinned script version, so a call always finishes on the version it began.
import type { AnswerSignal, Branch, CallOutcome, CallScript, Step } from './script-definition.js'
import { answerValues } from './script-graph.js'

export type AnswerValue = string | number | null

export type AcceptedAnswer = {
  value: AnswerValue
  signal: AnswerSignal | null
  next: string | null
  outcome: CallOutcome | null
}

/** An answer that does not fit its step; `field` names the part of the request at fault. */
export class AnswerError extends Error {
  readonly code = 'validation'
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

export function stepOf(script: CallScript, stepId: string): Step {
  const step = script.steps.find((s) => s.id === stepId)
  if (!step)
    throw new AnswerError(
      'step_id',
      `script ${script.id} v${script.version} has no step '${stepId}'`,
    )
  return step
}

export function acceptAnswer(script: CallScript, stepId: string, raw: unknown): AcceptedAnswer {
  const step = stepOf(script, stepId)
  const value = normaliseAnswer(step, raw)
  const branch = step.branches.find((b) => branchTakes(b, value))
  // graphProblems() guarantees a default or full coverage; this guards scripts stored before it.
  if (!branch) throw new AnswerError('value', `no branch of step '${stepId}' takes this answer`)
  return {
    value,
    signal: branch.signal ?? null,
    next: branch.next ?? null,
    outcome: branch.outcome ?? null,
  }
}

export function normaliseAnswer(step: Step, raw: unknown): AnswerValue {
  const a = step.answer
  switch (a.type) {
    case 'none':
      return null
    case 'choice':
    case 'yes_no': {
      const allowed = answerValues(step) ?? []
      if (typeof raw !== 'string' || !allowed.includes(raw))
        throw new AnswerError('value', `answer one of: ${allowed.join(', ')}`)
      return raw
    }
    case 'text': {
      const text = typeof raw === 'string' ? raw.trim() : ''
      if (!text) throw new AnswerError('value', 'write the answer (it must not be empty)')
      const max = a.max_length ?? 500
      if (text.length > max) throw new AnswerError('value', `at most ${max} characters`)
      return text
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN
      if (typeof raw === 'string' && !raw.trim()) throw new AnswerError('value', 'give a number')
      if (!Number.isFinite(n)) throw new AnswerError('value', 'give a number')
      if (a.min !== undefined && n < a.min) throw new AnswerError('value', `at least ${a.min}`)
      if (a.max !== undefined && n > a.max) throw new AnswerError('value', `at most ${a.max}`)
      return n
    }
  }
}

function branchTakes(b: Branch, value: AnswerValue): boolean {
  const w = b.when
  if (!w) return true
  if (w.in && !(typeof value === 'string' && w.in.includes(value))) return false
  if (w.min !== undefined && !(typeof value === 'number' && value >= w.min)) return false
  if (w.max !== undefined && !(typeof value === 'number' && value <= w.max)) return false
  return true
}
