// The grayline command line: one file per command; errors say what to do next, never a stack trace.
import { Command } from 'commander'
import { registerExport } from './export-command.js'
import { registerImport } from './import-command.js'
import { registerSchema } from './schema-command.js'
import { registerCommands } from './registry.js'

const program = new Command()
  .name('grayline')
  .description(
    "Grayline — find the proxy-complaint gray industry in a lender's contacts, and hear every genuine complaint",
  )
  .showHelpAfterError()

registerImport(program)
registerExport(program)
registerSchema(program)
registerCommands(program)

try {
  await program.parseAsync(process.argv)
} catch (e) {
  process.stderr.write(`grayline: ${e instanceof Error ? e.message : String(e)}\n`)
  if (process.env.GRAYLINE_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`)
  process.exitCode = 1
}
