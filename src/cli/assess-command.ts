// `grayline assess --customers F --contacts F --out assessments.jsonl [--db PATH|:memory:]`
import type { Command } from 'commander'
import { assessFiles, loadRuleSet } from '../detect/index.js'
import { emitToStdout } from './assessment-writer.js'
import { runInChildWithBatchHeap } from './batch-heap.js'
import { withContext } from './open-context.js'
import { stageProgress } from './progress.js'

type Opts = {
  customers?: string
  contacts?: string
  watchlist?: string
  out?: string
  db?: string
  rules?: string
  rejectDir?: string
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description(
      'import interchange files and write one assessment per contact (assessments.jsonl)',
    )
    .option('--customers <file>', 'customers.jsonl or .csv')
    .option('--contacts <file>', 'contacts.jsonl or .csv (without it: re-assess everything stored)')
    .option('--watchlist <file>', 'watchlist.jsonl or .csv')
    .option('--out <file>', 'where to write assessments (default: standard output)')
    .option(
      '--db <path>',
      'SQLite file, or :memory: for a throw-away run (default: $DATABASE_URL, $GRAYLINE_DB or ./data/grayline.db)',
    )
    .option('--rules <file>', 'rule set to use (default: rules/default.json)')
    .option('--reject-dir <dir>', 'where to write reject reports')
    .action(async (opts: Opts) => {
      const done = await runInChildWithBatchHeap()
      if (done !== null) {
        process.exitCode = done
        return
      }
      const rules = loadRuleSet(opts.rules)
      await withContext(opts.db, async (ctx) => {
        const progress = stageProgress()
        const result = await assessFiles(
          ctx,
          // A file is written by whichever thread stores the assessments; standard output from here.
          { ...opts, rules, emit: opts.out ? undefined : emitToStdout },
          progress.update,
        )
        progress.stop()
        for (const s of result.imports) {
          process.stderr.write(
            `${s.file}: ${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected${s.rejectFile ? ` (see ${s.rejectFile})` : ''}\n`,
          )
        }
        process.stderr.write(
          `assessed ${result.assessed} contacts with rules ${rules.version}: ${result.flagged} flagged for verification\n`,
        )
        if (result.historyContacts)
          process.stderr.write(
            `history: ${result.historyContacts} contacts; ${result.reassessedEarlier} earlier contacts re-assessed, ${result.changedEarlier} changed risk\n`,
          )
        if (opts.out) process.stderr.write(`wrote ${opts.out}\n`)
      })
    })
}
