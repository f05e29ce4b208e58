// Digest of a batch assessment: simulates a population of about N contacts (default 120,000;
// seed 9 as bench:assess), runs assessFiles on a fresh SQLite store with a fixed clock, then adds
// the last 1,000 contacts as a second run (the incremental path), and prints a SHA-256 of the
// stored rows (every column, by contact id) and of each run's assessments as emitted and as
// written to assessments.jsonl. A change to detection that keeps every assessment the same keeps
// these digests the same.
// Usage: npx tsx bench/assess-digest.ts [N]
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contextFor } from '../src/context.js'
import { assessFiles, loadRuleSet } from '../src/detect/index.js'
import type { ScoredAssessment } from '../src/detect/index.js'
import { writeSimulation } from '../src/simulate/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'

const N = Number(process.argv[2] ?? 120_000)
const dir = mkdtempSync(join(tmpdir(), 'grayline-assess-digest-'))
await writeSimulation(
  { customers: Math.ceil(N / 0.62), seed: 9, profile: { contactShare: 0.5 } },
  dir,
)
const lines = readFileSync(join(dir, 'contacts.jsonl'), 'utf8').split('\n').filter(Boolean)
writeFileSync(join(dir, 'head.jsonl'), lines.slice(0, -1000).join('\n') + '\n')
writeFileSync(join(dir, 'tail.jsonl'), lines.slice(-1000).join('\n') + '\n')

const store = createStore({ kind: 'sqlite', path: join(dir, 'digest.db') })
await migrateToLatest(store.db)
const ctx = contextFor(store, { clock: { now: () => new Date('2026-11-28T00:00:00Z') } })
const rules = loadRuleSet()
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16)
const emitted = (into: string[]) => (batch: ScoredAssessment[]) => {
  for (const a of batch) into.push(JSON.stringify(a))
}

const firstEmitted: string[] = []
const first = await assessFiles(ctx, {
  rules,
  customers: join(dir, 'customers.jsonl'),
  contacts: join(dir, 'head.jsonl'),
  watchlist: join(dir, 'watchlist.jsonl'),
  out: join(dir, 'first.jsonl'),
  emit: emitted(firstEmitted),
})
const secondEmitted: string[] = []
const second = await assessFiles(ctx, {
  rules,
  contacts: join(dir, 'tail.jsonl'),
  out: join(dir, 'second.jsonl'),
  emit: emitted(secondEmitted),
})
const rows = await store.db.selectFrom('assessments').selectAll().orderBy('contact_id').execute()
await store.db.destroy()
console.log(`first run: ${first.assessed} assessed, ${first.flagged} flagged`)
console.log(
  `second run: ${second.assessed} assessed, ${second.reassessedEarlier} re-assessed, ${second.changedEarlier} changed`,
)
console.log(`stored rows: ${rows.length} ${sha(rows.map((r) => JSON.stringify(r)).join('\n'))}`)
console.log(`first emitted: ${firstEmitted.length} ${sha(firstEmitted.join('\n'))}`)
console.log(`first file: ${sha(readFileSync(join(dir, 'first.jsonl'), 'utf8'))}`)
console.log(`second emitted: ${secondEmitted.length} ${sha(secondEmitted.join('\n'))}`)
console.log(`second file: ${sha(readFileSync(join(dir, 'second.jsonl'), 'utf8'))}`)
rmSync(dir, { recursive: true, force: true })
