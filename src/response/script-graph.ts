// Checks a script's graph beyond its shape: every reference resolves, every possible answer has a
// way on, and every path ends in an outcome — so no agent is ever left mid-call without words.
import type { CallScript, Step } from './script-definition.js'

export type GraphProblem = { field: string; message: string }

export function graphProblems(s: CallScript): GraphProblem[] {
  const steps = new Map(s.steps.map((x) => [x.id, x]))
  const out: GraphProblem[] = []
  if (steps.size !== s.steps.length)
    out.push({ field: 'steps', message: 'step ids must be unique' })
  if (!steps.has(s.start)) out.push({ field: 'start', message: `no step '${s.start}'` })
  s.steps.forEach((step, i) => out.push(...stepProblems(step, `steps.${i}`, steps)))
  if (out.length) return out
  const cycle = findCycle(s, steps)
  if (cycle) out.push({ field: 'steps', message: `the steps loop: ${cycle.join(' → ')}` })
  const reached = reachable(s, steps)
  s.steps.forEach((step, i) => {
    if (!reached.has(step.id))
      out.push({ field: `steps.${i}`, message: `step '${step.id}' cannot be reached` })
  })
  return out
}

function stepProblems(step: Step, at: string, steps: Map<string, Step>): GraphProblem[] {
  const out: GraphProblem[] = []
  const values = answerValues(step)
  if (step.answer.type === 'choice' && !step.answer.options?.length)
    out.push({ field: `${at}.answer.options`, message: 'a choice needs options' })
  step.branches.forEach((b, j) => {
    if (b.next && !steps.has(b.next))
      out.push({ field: `${at}.branches.${j}.next`, message: `no step '${b.next}'` })
    for (const v of b.when?.in ?? [])
      if (values && !values.includes(v))
        out.push({ field: `${at}.branches.${j}.when.in`, message: `'${v}' is not an answer` })
  })
  const hasDefault = step.branches.some((b) => !b.when)
  const covered = new Set(step.branches.flatMap((b) => b.when?.in ?? []))
  if (!hasDefault && (!values || values.some((v) => !covered.has(v))))
    out.push({
      field: `${at}.branches`,
      message: 'some answers lead nowhere: add a default branch',
    })
  return out
}

/** The values a choice or yes/no step accepts; null for free answers. */
export function answerValues(step: Step): string[] | null {
  if (step.answer.type === 'yes_no') return ['yes', 'no']
  if (step.answer.type === 'choice') return (step.answer.options ?? []).map((o) => o.value)
  return null
}

function nextOf(step: Step): string[] {
  return step.branches.flatMap((b) => (b.next ? [b.next] : []))
}

function findCycle(s: CallScript, steps: Map<string, Step>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id]
    state.set(id, 'open')
    path.push(id)
    for (const n of nextOf(steps.get(id) as Step)) {
      const c = visit(n)
      if (c) return c
    }
    path.pop()
    state.set(id, 'done')
    return null
  }
  for (const step of s.steps) {
    const c = visit(step.id)
    if (c) return c
  }
  return null
}

function reachable(s: CallScript, steps: Map<string, Step>): Set<string> {
  const seen = new Set<string>()
  const todo = [s.start]
  while (todo.length) {
    const id = todo.pop() as string
    if (seen.has(id)) continue
    seen.add(id)
    todo.push(...nextOf(steps.get(id) as Step))
  }
  return seen
}
