// `grayline evidence verify`: the chain of custody and every stored evidence file, checked end to
// end; exit code 1 with each break and where it is when anything was edited, deleted or changed.
import type { Command } from 'commander'
import { evidenceStoreFromEnv, verifyEvidence } from '../evidence/index.js'
import { dataDirOf } from '../server/start.js'
import { openContext } from './open-context.js'

export function registerEvidence(program: Command): void {
  const evidence = program
    .command('evidence')
    .description('evidence files and their chain of custody')
  evidence
    .command('verify')
    .description('check the chain of custody and that every stored file still hashes to its name')
    .option('--db <path>', 'SQLite file to use')
    .option('--case <id>', 'check the files of one case only (the chain is always checked whole)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { db?: string; case?: string; json?: boolean }) => {
      const opened = await openContext(opts.db)
      try {
        const files = evidenceStoreFromEnv(
          process.env,
          dataDirOf(opened.location, opened.ctx.store),
        )
        const r = await verifyEvidence(opened.ctx, files, { caseId: opts.case })
        if (opts.json) console.log(JSON.stringify(r, null, 2))
        else {
          console.log(
            `${r.ok ? 'OK' : 'BROKEN'}: ${r.lines} custody lines, ${r.items} evidence items, ${r.files_checked} files checked in ${files.location}`,
          )
          for (const p of r.problems)
            console.log(
              `  - ${p.seq !== null ? `line ${p.seq}` : (p.evidence_id ?? '')}: ${p.message}`,
            )
        }
        if (!r.ok) process.exitCode = 1
      } finally {
        await opened.close()
      }
    })
}
