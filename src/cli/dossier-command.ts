// `grayline dossier CASE [--out DIR] [--no-zip]`: writes the case's police-report PDF and the
// evidence ZIP with its manifest; the exported files go on the chain of custody.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import { buildDossier } from '../dossier/index.js'
import { evidenceStoreFromEnv } from '../evidence/index.js'
import { dataDirOf } from '../server/start.js'
import { openContext } from './open-context.js'

export function registerDossier(program: Command): void {
  program
    .command('dossier <case>')
    .description('write the police-report dossier (PDF in Chinese) and the evidence ZIP of a case')
    .option('--out <dir>', 'where to write the files', '.')
    .option('--no-zip', 'the PDF only')
    .option('--db <path>', 'SQLite file to use')
    .option('--actor <name>', 'who exports, for the chain of custody', process.env.USER ?? 'cli')
    .action(
      async (caseId: string, opts: { out: string; zip: boolean; db?: string; actor: string }) => {
        const opened = await openContext(opts.db)
        try {
          const files = evidenceStoreFromEnv(
            process.env,
            dataDirOf(opened.location, opened.ctx.store),
          )
          const d = await buildDossier(opened.ctx, files, caseId, {
            zip: opts.zip,
            actor: `cli:${opts.actor}`,
          })
          mkdirSync(opts.out, { recursive: true })
          const pdfPath = join(opts.out, `${caseId}-dossier.pdf`)
          writeFileSync(pdfPath, d.pdf)
          console.log(pdfPath)
          if (d.zip) {
            const zipPath = join(opts.out, `${caseId}-evidence.zip`)
            writeFileSync(zipPath, d.zip)
            console.log(zipPath)
          }
        } catch (e) {
          process.exitCode = 1
          console.error(
            `cannot make the dossier of ${caseId}: ${e instanceof Error ? e.message : String(e)}`,
          )
        } finally {
          await opened.close()
        }
      },
    )
}
