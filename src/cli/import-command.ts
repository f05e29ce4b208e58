// `grayline import customers|contacts|watchlist FILE…`
import type { Command } from 'commander'
import type { RecordKindName } from '../intake/index.js'
import { importFile, recordKindNames } from '../intake/index.js'
import { withContext } from './open-context.js'
import { progressBar } from './progress.js'

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import interchange v1 files (JSONL or CSV with dotted column names)')
    .argument('<kind>', `what the file holds: ${recordKindNames.join(', ')}`)
    .argument('<files...>', 'one or more .jsonl or .csv files')
    .option(
      '--db <path>',
      'SQLite file to use (default: $DATABASE_URL, $GRAYLINE_DB or ./data/grayline.db)',
    )
    .option('--reject-dir <dir>', 'where to write reject reports (default: beside each input file)')
    .action(async (kind: string, files: string[], opts: { db?: string; rejectDir?: string }) => {
      if (!recordKindNames.includes(kind as RecordKindName)) {
        throw new Error(`unknown kind "${kind}": use one of ${recordKindNames.join(', ')}`)
      }
      await withContext(opts.db, async (ctx) => {
        for (const file of files) {
          const bar = progressBar(`import ${kind}`, 'bytes')
          const s = await importFile(ctx, kind as RecordKindName, file, {
            rejectDir: opts.rejectDir,
            onProgress: (p) =>
              bar.update(
                p.bytes,
                p.totalBytes,
                p.finishing ? `${p.lines} lines, building ${p.finishing}` : `${p.lines} lines`,
              ),
          })
          bar.stop()
          console.log(
            `${file}: ${s.lines} lines — ${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected`,
          )
          if (s.rejectFile) {
            console.log(
              `  rejected lines are listed with file, line, field and reason in ${s.rejectFile}`,
            )
            process.exitCode = 2
          }
          console.log(`  summary: ${s.summaryFile}`)
        }
      })
    })
}
