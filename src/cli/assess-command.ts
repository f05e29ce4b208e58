// `grayline assess --customers F --contacts F --out assessments.jsonl [--db PATH|:memory:]`
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Command } from 'commander'
import { assessFiles, loadRuleSet, toInterchange } from '../detect/index.js'
import { withContext } from './open-context.js'
import { progressBar } from './progress.js'

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
      const rules = loadRuleSet(opts.rules)
      await withContext(opts.db, async (ctx) => {
        let bar = progressBar('load')
        let stage = ''
        const result = await assessFiles(ctx, { ...opts, rules }, (s, done, total) => {
          if (s !== stage) {
            bar.stop()
            bar = progressBar(s.padEnd(16), s.startsWith('import') ? 'bytes' : 'items')
            stage = s
          }
          bar.update(done, total)
        })
        bar.stop()
        const out = opts.out ? createWriteStream(opts.out) : process.stdout
        for (const a of result.assessed)
          if (!out.write(`${JSON.stringify(toInterchange(a))}\n`)) await once(out, 'drain')
        if (opts.out) {
          out.end()
          await once(out, 'finish')
        }
        for (const s of result.imports) {
          process.stderr.write(
            `${s.file}: ${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected${s.rejectFile ? ` (see ${s.rejectFile})` : ''}\n`,
          )
        }
        const flagged = result.assessed.filter(
          (a) => a.risk === 'medium' || a.risk === 'high',
        ).length
        process.stderr.write(
          `assessed ${result.assessed.length} contacts with rules ${rules.version}: ${flagged} flagged for verification\n`,
        )
        if (result.historyContacts)
          process.stderr.write(
            `history: ${result.historyContacts} contacts; ${result.reassessedEarlier} earlier contacts re-assessed, ${result.changedEarlier} changed risk\n`,
          )
        if (opts.out) process.stderr.write(`wrote ${opts.out}\n`)
      })
    })
}
