// `grayline gangs [--db PATH] [--rules FILE] [--json]`: recompute the gangs (团伙) from the store and
// print the largest. Ids carry over from the previous run (src/gangs/stable-ids.ts).
import type { Command } from 'commander'
import { Detector, loadIndex, loadRuleSet } from '../detect/index.js'
import { listGangs, recomputeGangs } from '../gangs/index.js'
import { withContext } from './open-context.js'
import { progressBar } from './progress.js'

type Opts = { db?: string; rules?: string; json?: boolean; top: string }

export function registerGangs(program: Command): void {
  program
    .command('gangs')
    .description(
      'recompute the gangs (团伙) from the stored contacts, keeping their ids across runs',
    )
    .option(
      '--db <path>',
      'SQLite file (default: $DATABASE_URL, $GRAYLINE_DB or ./data/grayline.db)',
    )
    .option('--rules <file>', 'rule set to use (default: rules/default.json)')
    .option('--top <n>', 'how many of the largest gangs to print', '10')
    .option('--json', 'print the result as JSON')
    .action(async (o: Opts) => {
      const rules = loadRuleSet(o.rules)
      await withContext(o.db, async (ctx) => {
        const detector = new Detector(rules)
        const bar = progressBar('loading contacts')
        await loadIndex(ctx, detector.index, (d, t) => bar.update(d, t))
        bar.stop()
        const r = await recomputeGangs(ctx, detector)
        const top = await listGangs(ctx.db, { sort: 'size', offset: 0, limit: Number(o.top) || 10 })
        if (o.json)
          return void process.stdout.write(
            JSON.stringify({ ...r, top: top.items.map(line) }) + '\n',
          )
        process.stderr.write(
          `${r.gangs} gangs over ${r.nodes} nodes and ${r.edges} trusted edges in ${r.ms} ms: ` +
            `${r.created} new, ${r.merged} merged, ${r.dissolved} dissolved\n`,
        )
        for (const g of top.items) {
          const l = line(g)
          process.stdout.write(
            `${l.gang_id}\t${l.severity}\t${l.customers} customers\t+${l.growth} this month\n`,
          )
        }
      })
    })
}

function line(g: { gang_id: string; severity: string; customers: number; growth: number }) {
  return { gang_id: g.gang_id, severity: g.severity, customers: g.customers, growth: g.growth }
}
