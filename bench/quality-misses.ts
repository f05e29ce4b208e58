// Where detection goes wrong on one simulated population: the missed agency contacts and the flagged
// genuine ones, grouped by what they look like and which signals fired. A diagnostic for rule work.
// Usage: npx tsx bench/quality-misses.ts [profile=default] [seed=2007] [customers=40000] [dump.jsonl]
// (profile `random` draws the profile bench/quality-random.ts draws for that seed)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contextFor } from '../src/context.js'
import { assessFiles, loadRuleSet } from '../src/detect/index.js'
import type { ScoredAssessment } from '../src/detect/index.js'
import { contactSchema, labelSchema } from '../src/contract/index.js'
import type { Contact, Label } from '../src/contract/index.js'
import { EvaluationAccumulator, readJsonl } from '../src/evaluate/index.js'
import { profiles, writeSimulation } from '../src/simulate/index.js'
import type { ProfileName } from '../src/simulate/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'
import { rng } from './bench-data.js'
import { drawProfile } from './quality-knobs.js'

const profile = process.argv[2] ?? 'default'
const seed = Number(process.argv[3] ?? 2007)
const customers = Number(process.argv[4] ?? 40_000)
const dumpPath = process.argv[5]

const dir = mkdtempSync(join(tmpdir(), `grayline-misses-${profile}-`))
const drawn =
  profile === 'random' ? drawProfile(rng(seed).rand, 'random') : profiles[profile as ProfileName]
await writeSimulation({ customers, seed, profile: drawn }, dir)
const labels = new Map<string, Label>()
for await (const l of readJsonl(join(dir, 'labels.jsonl'), labelSchema)) labels.set(l.contact_id, l)
const contacts = new Map<string, Contact>()
for await (const c of readJsonl(join(dir, 'contacts.jsonl'), contactSchema))
  contacts.set(c.contact_id, c)

const store = createStore({ kind: 'sqlite', path: ':memory:' })
await migrateToLatest(store.db)
const acc = new EvaluationAccumulator()
for (const l of labels.values()) acc.addLabel(l)
const assessed = new Map<string, ScoredAssessment>()
await assessFiles(contextFor(store), {
  rules: loadRuleSet(),
  emit: (batch) =>
    batch.forEach((a) => {
      acc.addAssessment(a)
      assessed.set(a.contact_id, a)
    }),
  customers: join(dir, 'customers.jsonl'),
  contacts: join(dir, 'contacts.jsonl'),
  watchlist: join(dir, 'watchlist.jsonl'),
})
await store.db.destroy()
const r = acc.finish()
console.log(
  `${profile} ${seed}: P ${r.precision?.toFixed(4)} R ${r.recall?.toFixed(4)} F1 ${r.f1?.toFixed(4)} FP ${r.falsePositiveRate?.toFixed(4)} gangP ${r.gangs.precision?.toFixed(4)}`,
)

const flagged = (a: ScoredAssessment | undefined) => a?.risk === 'medium' || a?.risk === 'high'
function shape(c: Contact): string {
  const parts: string[] = [c.channel]
  if (c.caller?.role) parts.push(`caller:${c.caller.role}`)
  else if (c.caller?.phone) parts.push('caller:phone')
  if (c.participants?.length) parts.push('participants')
  if (c.claimed) parts.push('claimed')
  if (!c.customer_id) parts.push('unlinked')
  if (c.attachments?.length) parts.push('attach')
  if (c.network) parts.push('net')
  return parts.join(' ')
}
const tally = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
const missShape = new Map<string, number>()
const missSignals = new Map<string, number>()
const fpShape = new Map<string, number>()
const dump: string[] = []
// Unflagged contacts by the set of signals that fired: how many abnormal and genuine share each set.
const unflagged = new Map<string, { abnormal: number; genuine: number }>()
for (const [id, l] of labels) {
  const a = assessed.get(id)
  const c = contacts.get(id)
  if (!c) continue
  if (!flagged(a)) {
    const key =
      (a?.signals ?? [])
        .map((s) => s.code)
        .sort()
        .join(',') || '(none)'
    const row = unflagged.get(key) ?? { abnormal: 0, genuine: 0 }
    if (l.abnormal) row.abnormal++
    else row.genuine++
    unflagged.set(key, row)
  }
  if (l.abnormal && !flagged(a)) {
    tally(missShape, `${l.kind}/${l.category} | ${shape(c)}`)
    tally(
      missSignals,
      (a?.signals ?? [])
        .map((s) => s.code)
        .sort()
        .join(',') || '(none)',
    )
    dump.push(
      JSON.stringify({
        miss: true,
        label: l,
        score: a?.score,
        signals: a?.signals.map((s) => [s.code, s.weight]),
        contact: c,
      }),
    )
  } else if (!l.abnormal && flagged(a)) {
    tally(fpShape, `${l.kind} | ${shape(c)} | ${(a?.signals ?? []).map((s) => s.code).join(',')}`)
    dump.push(
      JSON.stringify({
        miss: false,
        label: l,
        score: a?.score,
        signals: a?.signals.map((s) => [s.code, s.weight]),
        why: a?.signals.map((s) => s.explanation.en),
        gang: a?.gang_id,
        contact: c,
      }),
    )
  } else if (process.env.DUMP_ALL) {
    dump.push(
      JSON.stringify({
        ok: true,
        label: l,
        score: a?.score,
        risk: a?.risk,
        signals: a?.signals.map((s) => [s.code, s.weight]),
        contact: c,
      }),
    )
  }
}
const top = (m: Map<string, number>, n = 25) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${String(v).padStart(4)}  ${k}`)
    .join('\n')
console.log(`missed agency contacts by shape:\n${top(missShape)}`)
console.log(`missed by signals fired:\n${top(missSignals)}`)
console.log(`flagged genuine contacts:\n${top(fpShape)}`)
console.log(
  `unflagged contacts by signal set (abnormal / genuine):\n${[...unflagged]
    .filter(([, v]) => v.abnormal > 0)
    .sort((a, b) => b[1].abnormal - a[1].abnormal)
    .slice(0, 25)
    .map(([k, v]) => `  ${String(v.abnormal).padStart(4)} / ${String(v.genuine).padStart(5)}  ${k}`)
    .join('\n')}`,
)
if (dumpPath) writeFileSync(dumpPath, dump.join('\n') + '\n')
rmSync(dir, { recursive: true, force: true })
