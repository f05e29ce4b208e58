// Script analytics for one script version: how calls end (outcomes, or the step where they ended
// early or still wait), and which answers at each step lead to which outcomes.
import { sql } from 'kysely'
import type { Context } from '../context.js'

export type ScriptAnalytics = {
  script_id: string
  version: number | null
  calls: number
  by_status: { status: string; calls: number }[]
  by_outcome: { outcome: string; calls: number }[]
  /** Calls that ended early or are still open, by the step they stopped at. */
  stopped_at: { step_id: string; status: string; calls: number }[]
  /** For each step and answer: how many calls gave it and how those calls ended. */
  answers: { step_id: string; value: string; calls: number; outcomes: Record<string, number> }[]
}

export async function scriptAnalytics(
  ctx: Context,
  scriptId: string,
  version?: number,
): Promise<ScriptAnalytics> {
  let runs = ctx.db.selectFrom('call_runs').where('script_id', '=', scriptId)
  if (version !== undefined) runs = runs.where('script_version', '=', version)
  const byStatus = await runs
    .select(['status', (eb) => eb.fn.countAll<number>().as('calls')])
    .groupBy('status')
    .execute()
  const byOutcome = await runs
    .where('outcome', 'is not', null)
    .select(['outcome', (eb) => eb.fn.countAll<number>().as('calls')])
    .groupBy('outcome')
    .execute()
  const stopped = await runs
    .where('status', '!=', 'completed')
    .where('current_step', 'is not', null)
    .select(['current_step', 'status', (eb) => eb.fn.countAll<number>().as('calls')])
    .groupBy(['current_step', 'status'])
    .execute()
  let answers = ctx.db
    .selectFrom('call_answers as a')
    .innerJoin('call_runs as r', 'r.call_id', 'a.call_id')
    .where('r.script_id', '=', scriptId)
    .where('a.superseded', '=', 0)
  if (version !== undefined) answers = answers.where('r.script_version', '=', version)
  const answerRows = await answers
    .select([
      'a.step_id',
      'a.value',
      sql<string>`coalesce(r.outcome, r.status)`.as('ending'),
      (eb) => eb.fn.count<number>('a.call_id').distinct().as('calls'),
    ])
    .groupBy(['a.step_id', 'a.value', sql`coalesce(r.outcome, r.status)`])
    .execute()
  return {
    script_id: scriptId,
    version: version ?? null,
    calls: byStatus.reduce((n, r) => n + Number(r.calls), 0),
    by_status: byStatus.map((r) => ({ status: r.status, calls: Number(r.calls) })),
    by_outcome: byOutcome.map((r) => ({ outcome: r.outcome ?? '', calls: Number(r.calls) })),
    stopped_at: stopped.map((r) => ({
      step_id: r.current_step ?? '',
      status: r.status,
      calls: Number(r.calls),
    })),
    answers: foldAnswers(answerRows),
  }
}

/** Free-text answers are personal and unique: they are counted as one `(text)` answer. */
function foldAnswers(
  rows: { step_id: string; value: string | null; ending: string; calls: number | string }[],
): ScriptAnalytics['answers'] {
  const out = new Map<string, ScriptAnalytics['answers'][number]>()
  for (const r of rows) {
    const parsed = r.value === null ? null : (JSON.parse(r.value) as unknown)
    const value =
      parsed === null
        ? '(none)'
        : typeof parsed === 'string' && /^[a-z0-9_-]+$/.test(parsed)
          ? parsed
          : typeof parsed === 'number'
            ? '(number)'
            : '(text)'
    const key = `${r.step_id}\u0000${value}`
    const entry = out.get(key) ?? { step_id: r.step_id, value, calls: 0, outcomes: {} }
    entry.calls += Number(r.calls)
    entry.outcomes[r.ending] = (entry.outcomes[r.ending] ?? 0) + Number(r.calls)
    out.set(key, entry)
  }
  return [...out.values()].sort((a, b) => a.step_id.localeCompare(b.step_id) || b.calls - a.calls)
}
