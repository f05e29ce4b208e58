// Reads a JSON Lines file as validated records, one at a time in constant memory. A bad line
// stops the read with an error naming the file, line and field: scores computed over part of a
// population would mislead, so evaluation does not skip lines the way intake does.
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { z } from 'zod'

export class JsonlLineError extends Error {
  readonly code = 'invalid_jsonl_line'
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | null,
    reason: string,
  ) {
    super(`${file}, line ${line}${field ? `, field ${field}` : ''}: ${reason}`)
  }
}

export async function* readJsonl<S extends z.ZodType>(
  file: string,
  schema: S,
): AsyncGenerator<z.output<S>> {
  // Opening first makes a missing file fail here, with its name, rather than inside readline.
  const handle = await open(file)
  const lines = createInterface({
    input: handle.createReadStream({ encoding: 'utf8' }),
    crlfDelay: Infinity,
  })
  let lineNo = 0
  try {
    for await (const raw of lines) {
      lineNo++
      const text = lineNo === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw
      if (text.trim() !== '') yield parseLine(file, lineNo, text, schema)
    }
  } finally {
    lines.close()
    await handle.close()
  }
}

function parseLine<S extends z.ZodType>(
  file: string,
  line: number,
  text: string,
  schema: S,
): z.output<S> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new JsonlLineError(
      file,
      line,
      null,
      `invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const field = issue?.path.length ? issue.path.map(String).join('.') : null
  throw new JsonlLineError(file, line, field, issue?.message ?? 'invalid record')
}
