// `grayline schema --out docs/schema`: JSON Schema of interchange v1, generated from the zod schemas.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Command } from 'commander'
import { interchangeJsonSchemas } from '../contract/json-schema.js'

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('write the interchange v1 JSON Schemas generated from the zod schemas')
    .option('--out <dir>', 'output folder', 'docs/schema')
    .action(async (opts: { out: string }) => {
      await mkdir(opts.out, { recursive: true })
      for (const [name, schema] of Object.entries(interchangeJsonSchemas())) {
        const file = join(opts.out, `${name}.schema.json`)
        await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`)
        console.log(file)
      }
    })
}
