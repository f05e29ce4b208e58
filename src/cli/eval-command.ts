// `grayline eval DIR [--assessments F] [--rules F] [--json] [--lang en|zh-CN]`: scores detection
// against a simulated population's labels. Without assessments in DIR, the detector runs first
// on a throw-away in-memory store and writes DIR/assessments.jsonl, so the run can be inspected.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Option } from 'commander'
import type { Command } from 'commander'
import { assessFiles, loadRuleSet } from '../detect/index.js'
import { evaluateFiles, formatReport } from '../evaluate/index.js'
import type { ReportLang } from '../evaluate/index.js'
import { withContext } from './open-context.js'
import { stageProgress } from './progress.js'

type Opts = { assessments?: string; rules?: string; json?: boolean; lang: ReportLang }

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'score detection against a labelled, simulated population: precision, recall, false positives by kind, categories, gangs',
    )
    .argument(
      '<dir>',
      'directory written by the simulator (customers, contacts, watchlist, labels .jsonl)',
    )
    .option(
      '--assessments <file>',
      'assessments to score (default: <dir>/assessments.jsonl; when that does not exist, the detector runs and writes it)',
    )
    .option('--rules <file>', 'rule set for the detector run (default: rules/default.json)')
    .option('--json', 'print the report as JSON')
    .addOption(
      new Option('--lang <lang>', 'report language').choices(['en', 'zh-CN']).default('en'),
    )
    .action(async (dir: string, opts: Opts) => {
      const labels = join(dir, 'labels.jsonl')
      if (!existsSync(labels))
        throw new Error(`${labels} not found — point eval at a directory written by the simulator`)
      const assessments = await assessmentsFor(dir, opts)
      const report = await evaluateFiles({ labels, assessments })
      process.stdout.write(
        opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, opts.lang),
      )
    })
}

async function assessmentsFor(dir: string, opts: Opts): Promise<string> {
  const file = opts.assessments ?? join(dir, 'assessments.jsonl')
  if (!existsSync(file)) {
    if (opts.assessments)
      throw new Error(`${file} not found — leave out --assessments to run the detector on ${dir}`)
    await runDetector(dir, file, opts.rules)
  } else if (opts.rules) {
    process.stderr.write(
      `--rules is not used: scoring the existing ${file} (delete it to run the detector)\n`,
    )
  }
  return file
}

async function runDetector(dir: string, out: string, rulesFile?: string): Promise<void> {
  const contacts = join(dir, 'contacts.jsonl')
  if (!existsSync(contacts))
    throw new Error(`${contacts} not found — run the simulator first, or pass --assessments`)
  const rules = loadRuleSet(rulesFile)
  const ifPresent = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined)
  const input = {
    customers: ifPresent('customers.jsonl'),
    contacts,
    watchlist: ifPresent('watchlist.jsonl'),
    rules,
  }
  process.stderr.write(
    `no assessments yet: running the detector (rules ${rules.version}) on an in-memory store\n`,
  )
  await withContext(':memory:', async (ctx) => {
    const progress = stageProgress()
    const result = await assessFiles(ctx, { ...input, out }, progress.update)
    progress.stop()
    for (const s of result.imports) {
      if (s.rejected)
        process.stderr.write(
          `${s.file}: ${s.rejected} lines rejected${s.rejectFile ? ` (see ${s.rejectFile})` : ''}\n`,
        )
    }
    process.stderr.write(`wrote ${result.assessed} assessments to ${out}\n`)
  })
}
