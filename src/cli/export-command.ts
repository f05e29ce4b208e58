// `grayline export customers|contacts|watchlist [--out FILE]`
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Command } from 'commander'
import type { RecordKindName } from '../intake/index.js'
import { exportRecords, recordKindNames } from '../intake/index.js'
import { withContext } from './open-context.js'

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write stored records as interchange v1 JSON Lines')
    .argument('<kind>', recordKindNames.join(', '))
    .option('--out <file>', 'output file (default: standard output)')
    .option('--db <path>', 'SQLite file to use')
    .action(async (kind: string, opts: { out?: string; db?: string }) => {
      if (!recordKindNames.includes(kind as RecordKindName)) {
        throw new Error(`unknown kind "${kind}": use one of ${recordKindNames.join(', ')}`)
      }
      await withContext(opts.db, async (ctx) => {
        const out = opts.out ? createWriteStream(opts.out) : process.stdout
        const n = await exportRecords(ctx, kind as RecordKindName, out)
        if (opts.out) {
          out.end()
          await once(out, 'finish')
        }
        process.stderr.write(`exported ${n} ${kind}${opts.out ? ` to ${opts.out}` : ''}\n`)
      })
    })
}
