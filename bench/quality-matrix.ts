// Detection quality across populations built differently: every simulator profile, several seeds
// each, assessed from scratch and scored against the labels. Prints a Markdown table for the README.
// Usage: npx tsx bench/quality-matrix.ts [customers=40000] [seeds=2] [base-seed=1000]
// (the README's table is base 1000; other bases are populations the rules were never looked at on)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contextFor } from '../src/context.js'
import { assessFiles, loadRuleSet } from '../src/detect/index.js'
import type { ScoredAssessment } from '../src/detect/index.js'
import { EvaluationAccumulator } from '../src/evaluate/index.js'
import { labelSchema } from '../src/contract/index.js'
import { readJsonl } from '../src/evaluate/index.js'
import { profiles, writeSimulation } from '../src/simulate/index.js'
import type { ProfileName } from '../src/simulate/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'

const customers = Number(process.argv[2] ?? 40_000)
const seeds = Number(process.argv[3] ?? 2)
const baseSeed = Number(process.argv[4] ?? 1000)
const rules = loadRuleSet()
const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)}%`)

console.log(
  `| profile | seed | contacts | precision | recall | F1 | FP rate, genuine | worst hard-negative FP rate | category accuracy | gang pairwise P / R |`,
)
console.log(`|---|---|---|---|---|---|---|---|---|---|`)
for (const name of Object.keys(profiles) as ProfileName[]) {
  for (let k = 0; k < seeds; k++) {
    const seed = baseSeed + 97 * k + name.length
    const dir = mkdtempSync(join(tmpdir(), `grayline-quality-${name}-`))
    await writeSimulation({ customers, seed, profile: profiles[name] }, dir)
    const store = createStore({ kind: 'sqlite', path: ':memory:' })
    await migrateToLatest(store.db)
    const acc = new EvaluationAccumulator()
    for await (const label of readJsonl(join(dir, 'labels.jsonl'), labelSchema)) acc.addLabel(label)
    const emit = (batch: ScoredAssessment[]) => batch.forEach((a) => acc.addAssessment(a))
    await assessFiles(contextFor(store), {
      rules,
      emit,
      customers: join(dir, 'customers.jsonl'),
      contacts: join(dir, 'contacts.jsonl'),
      watchlist: join(dir, 'watchlist.jsonl'),
    })
    await store.db.destroy()
    const r = acc.finish()
    const hard = r.byKind.filter((x) => x.genuine > 0 && x.kind !== 'genuine')
    const worst = hard.reduce(
      (w, x) => ((x.falsePositiveRate ?? 0) > (w?.falsePositiveRate ?? -1) ? x : w),
      hard[0],
    )
    console.log(
      `| ${name} | ${seed} | ${r.counts.labels} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${pct(r.falsePositiveRate)} | ${worst ? `${pct(worst.falsePositiveRate)} (${worst.kind})` : 'n/a'} | ${pct(r.categoryAccuracy.accuracy)} | ${pct(r.gangs.precision)} / ${pct(r.gangs.recall)} |`,
    )
    rmSync(dir, { recursive: true, force: true })
  }
}
