// One population simulated, assessed from scratch and scored against its labels: shared by the
// quality benchmarks (bench/quality-matrix.ts, bench/quality-random.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contextFor } from '../src/context.js'
import { assessFiles, loadRuleSet } from '../src/detect/index.js'
import type { ScoredAssessment } from '../src/detect/index.js'
import { labelSchema } from '../src/contract/index.js'
import { EvaluationAccumulator, readJsonl } from '../src/evaluate/index.js'
import { writeSimulation } from '../src/simulate/index.js'
import type { PopulationProfile } from '../src/simulate/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'

const rules = loadRuleSet()
const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)}%`)

export const QUALITY_TABLE_HEAD = [
  `| profile | seed | contacts | precision | recall | F1 | FP rate, genuine | worst hard-negative FP rate | category accuracy | gang pairwise P / R |`,
  `|---|---|---|---|---|---|---|---|---|---|`,
]

export type PopulationScore = ReturnType<EvaluationAccumulator['finish']>

/** Simulates, assesses and scores one population; returns the scores and the table row. */
export async function scorePopulation(
  label: string,
  profile: Partial<PopulationProfile>,
  customers: number,
  seed: number,
): Promise<{ score: PopulationScore; row: string }> {
  const dir = mkdtempSync(join(tmpdir(), `grayline-quality-`))
  await writeSimulation({ customers, seed, profile }, dir)
  const store = createStore({ kind: 'sqlite', path: ':memory:' })
  await migrateToLatest(store.db)
  const acc = new EvaluationAccumulator()
  for await (const l of readJsonl(join(dir, 'labels.jsonl'), labelSchema)) acc.addLabel(l)
  const emit = (batch: ScoredAssessment[]) => batch.forEach((a) => acc.addAssessment(a))
  await assessFiles(contextFor(store), {
    rules,
    emit,
    customers: join(dir, 'customers.jsonl'),
    contacts: join(dir, 'contacts.jsonl'),
    watchlist: join(dir, 'watchlist.jsonl'),
  })
  await store.db.destroy()
  rmSync(dir, { recursive: true, force: true })
  const r = acc.finish()
  const hard = r.byKind.filter((x) => x.genuine > 0 && x.kind !== 'genuine')
  const worst = hard.reduce(
    (w, x) => ((x.falsePositiveRate ?? 0) > (w?.falsePositiveRate ?? -1) ? x : w),
    hard[0],
  )
  const row = `| ${label} | ${seed} | ${r.counts.labels} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${pct(r.falsePositiveRate)} | ${worst ? `${pct(worst.falsePositiveRate)} (${worst.kind})` : 'n/a'} | ${pct(r.categoryAccuracy.accuracy)} | ${pct(r.gangs.precision)} / ${pct(r.gangs.recall)} |`
  return { score: r, row }
}
