// Every problem of a script an admin submits, not just the first: shape (zod) first, then the graph.
// Each is named at its dotted field and, inside a step, at the step's id — what the editor shows.
import { callScriptSchema } from './script-definition.js'
import { graphProblems } from './script-graph.js'

export type ScriptProblem = { field: string; step: string | null; message: string }

export function scriptProblems(raw: unknown): ScriptProblem[] {
  const parsed = callScriptSchema.safeParse(raw)
  if (!parsed.success)
    return parsed.error.issues.map((i) => named(raw, i.path.join('.') || 'script', i.message))
  return graphProblems(parsed.data).map((p) => named(parsed.data, p.field, p.message))
}

function named(script: unknown, field: string, message: string): ScriptProblem {
  return { field, step: stepIdAt(script, field), message }
}

/** `steps.3.branches.0.next` → the id of the fourth step, when it has one. */
function stepIdAt(script: unknown, field: string): string | null {
  const m = /^steps\.(\d+)/.exec(field)
  if (!m || typeof script !== 'object' || script === null) return null
  const steps = (script as { steps?: unknown }).steps
  const step: unknown = Array.isArray(steps) ? steps[Number(m[1])] : undefined
  const id = typeof step === 'object' && step !== null ? (step as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : null
}

/** How a problem reads in an API error: the step first, where there is one. */
export function problemMessage(p: ScriptProblem): string {
  return p.step ? `step '${p.step}': ${p.message}` : p.message
}
