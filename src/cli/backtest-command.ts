// `grayline backtest --rules FILE [--labels labels.jsonl]`: what a rule change would flip on the
// stored history, and — when labels are given — both rule sets' metrics against them.
import type { Command } from 'commander'
import { labelSchema } from '../contract/index.js'
import { backtest, loadIndex, loadRuleSet } from '../detect/index.js'
import { DetectionIndex } from '../detect/detection-index.js'
import { EvaluationAccumulator, formatReport, readJsonl } from '../evaluate/index.js'
import { withContext } from './open-context.js'
import { progressBar } from './progress.js'

type Opts = { rules: string; baseline?: string; db?: string; show: string; labels?: string }

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('assess the stored history with a candidate rule set and show what it would flip')
    .requiredOption('--rules <file>', 'the candidate rule set')
    .option('--baseline <file>', 'the rule set to compare with (default: rules/default.json)')
    .option('--labels <file>', "labels.jsonl: also print both rule sets' metrics against it")
    .option('--db <path>', 'SQLite file to use')
    .option('--show <n>', 'how many flipped contacts to list each way', '10')
    .action(async (opts: Opts) => {
      const candidate = loadRuleSet(opts.rules)
      const baseline = loadRuleSet(opts.baseline)
      const index = new DetectionIndex({
        templateMinChars: candidate.settings.template_min_chars,
        templateMinSimilarity: candidate.settings.template_min_similarity,
        repeatWindowDays: candidate.settings.repeat_window_days,
      })
      const bar = progressBar('load history')
      await withContext(opts.db, (ctx) => loadIndex(ctx, index, (d, t) => bar.update(d, t)))
      bar.stop()
      const scores = opts.labels ? [new EvaluationAccumulator(), new EvaluationAccumulator()] : null
      for (const acc of scores ?? [])
        for await (const l of readJsonl(opts.labels ?? '', labelSchema)) acc.addLabel(l)
      const show = Number(opts.show)
      const r = backtest(index, baseline, candidate, {
        examples: show,
        onPair: scores
          ? (b, a) => (scores[0]?.addAssessment(b), scores[1]?.addAssessment(a))
          : undefined,
      })
      console.log(`rules ${r.baseline} -> ${r.candidate} over ${r.contacts} contacts`)
      console.log(
        `flagged: ${r.flaggedBefore} -> ${r.flaggedAfter} (${r.raised} raised, ${r.lowered} lowered, ${r.recategorised} recategorised)`,
      )
      for (const [title, list, n] of [
        ['raised', r.examples.raised, r.raised],
        ['lowered', r.examples.lowered, r.lowered],
      ] as const) {
        if (!list.length) continue
        console.log(`\n${title}:`)
        for (const f of list)
          console.log(
            `  ${f.contact_id}: ${f.before} -> ${f.after}  [${f.categoriesAfter.join(', ') || '-'}]  signals: ${f.reasons.join(', ')}`,
          )
        if (n > list.length) console.log(`  … and ${n - list.length} more`)
      }
      if (!scores) return
      const [b, a] = scores.map((s) => s.finish())
      if (b) console.log(`\n=== baseline ${r.baseline} against ${opts.labels}\n${formatReport(b)}`)
      if (a)
        console.log(`\n=== candidate ${r.candidate} against ${opts.labels}\n${formatReport(a)}`)
    })
}
