// `grayline demo`: a realistic lender's book simulated, imported, assessed and summarised — the
// first thing a newcomer runs. Everything lives in ./data/demo and is rebuilt each time.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import type { ScoredAssessment } from '../detect/index.js'
import { assessFiles, loadRuleSet } from '../detect/index.js'
import { profiles, writeSimulation } from '../simulate/index.js'
import { withContext } from './open-context.js'
import { progressBar } from './progress.js'

type Opts = { customers: string; seed: string; dir: string }

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description("simulate a lender's book, import and assess it, and show what Grayline found")
    .option('--customers <n>', 'customers to simulate', '20000')
    .option('--seed <n>', 'random seed', '2026')
    .option('--dir <dir>', 'where the demo data and database go', './data/demo')
    .action(async (opts: Opts) => {
      rmSync(opts.dir, { recursive: true, force: true })
      let bar = progressBar('simulate')
      await writeSimulation(
        { customers: Number(opts.customers), seed: Number(opts.seed), profile: profiles.default },
        opts.dir,
        (d, t) => bar.update(d, t),
      )
      bar.stop()
      const file = (n: string) => join(opts.dir, n)
      const rules = loadRuleSet()
      bar = progressBar('import and assess')
      const all: ScoredAssessment[] = []
      await withContext(file('grayline.db'), (ctx) =>
        assessFiles(
          ctx,
          {
            rules,
            customers: file('customers.jsonl'),
            contacts: file('contacts.jsonl'),
            watchlist: file('watchlist.jsonl'),
            rejectDir: opts.dir,
            emit: (b) => void all.push(...b),
          },
          (_s, d, t) => bar.update(d, t),
        ),
      )
      bar.stop()
      printSummary(all)
      console.log(
        `\ndata and database: ${opts.dir} (GRAYLINE_DB=${file('grayline.db')} npx grayline screen --phone …)`,
      )
      console.log(`measure it against the simulator's labels: npx grayline eval ${opts.dir}`)
    })
}

function printSummary(all: ScoredAssessment[]): void {
  const flagged = all.filter((a) => a.risk === 'medium' || a.risk === 'high')
  const count = (xs: string[]) =>
    [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort(
      (a, b) => b[1] - a[1],
    )
  console.log(
    `\n${all.length} contacts assessed; ${flagged.length} routed to verification (${((100 * flagged.length) / Math.max(1, all.length)).toFixed(1)}%)`,
  )
  console.log(
    `severity: ${count(flagged.map((a) => a.severity ?? 'none'))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  console.log('categories:')
  for (const [k, v] of count(flagged.flatMap((a) => a.categories)))
    console.log(`  ${k.padEnd(32)} ${v}`)
  const gangs = count(flagged.map((a) => a.gang_id).filter((g): g is string => g !== null))
  console.log(
    `gangs: ${gangs.length}; largest: ${gangs
      .slice(0, 5)
      .map(([g, n]) => `${g} (${n} contacts)`)
      .join(', ')}`,
  )
  const example = flagged.find((a) => a.signals.length >= 3) ?? flagged[0]
  if (!example) return
  console.log(
    `\nexample — ${example.contact_id}: risk ${example.risk}, ${example.severity}, ${example.categories.join(', ')}; next: ${example.recommended_action}`,
  )
  for (const s of example.signals) console.log(`  · ${s.explanation['zh-CN']}`)
}
