// `grayline backtest --rules FILE`: what a rule change would flip on the stored history.
import type { Command } from 'commander'
import { backtest, loadIndex, loadRuleSet } from '../detect/index.js'
import { DetectionIndex } from '../detect/detection-index.js'
import { withContext } from './open-context.js'
import { progressBar } from './progress.js'

type Opts = { rules: string; baseline?: string; db?: string; show: string }

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('assess the stored history with a candidate rule set and show what it would flip')
    .requiredOption('--rules <file>', 'the candidate rule set')
    .option('--baseline <file>', 'the rule set to compare with (default: rules/default.json)')
    .option('--db <path>', 'SQLite file to use')
    .option('--show <n>', 'how many flipped contacts to list each way', '10')
    .action(async (opts: Opts) => {
      const candidate = loadRuleSet(opts.rules)
      const baseline = loadRuleSet(opts.baseline)
      const index = new DetectionIndex({ templateMinChars: candidate.settings.template_min_chars })
      const bar = progressBar('load history')
      await withContext(opts.db, (ctx) => loadIndex(ctx, index, (d, t) => bar.update(d, t)))
      bar.stop()
      const r = backtest(index, baseline, candidate)
      console.log(`rules ${r.baseline} -> ${r.candidate} over ${r.contacts} contacts`)
      console.log(
        `flagged: ${r.flaggedBefore} -> ${r.flaggedAfter} (${r.raised.length} raised, ${r.lowered.length} lowered, ${r.recategorised} recategorised)`,
      )
      const show = Number(opts.show)
      for (const [title, list] of [
        ['raised', r.raised],
        ['lowered', r.lowered],
      ] as const) {
        if (!list.length) continue
        console.log(`\n${title}:`)
        for (const f of list.slice(0, show))
          console.log(
            `  ${f.contact_id}: ${f.before} -> ${f.after}  [${f.categoriesAfter.join(', ') || '-'}]  signals: ${f.reasons.join(', ')}`,
          )
        if (list.length > show) console.log(`  … and ${list.length - show} more`)
      }
    })
}
