// The reject file: one JSON line per bad input line, naming the file, line, field and reason,
// written beside the input (or in a chosen folder) with a summary next to it.
import { createWriteStream } from 'node:fs'
import type { WriteStream } from 'node:fs'
import { once } from 'node:events'
import { basename, dirname, join } from 'node:path'
import { excerpt } from './source-line.js'

export type Rejection = {
  file: string
  line: number
  field: string | null
  reason: string
  raw: string
}

export class RejectWriter {
  private stream: WriteStream | null = null
  count = 0
  readonly path: string

  constructor(inputFile: string, dir?: string) {
    this.path = join(dir ?? dirname(inputFile), `${basename(inputFile)}.rejects.jsonl`)
  }

  /** Opened lazily so that a clean import leaves no empty reject file behind. */
  async write(r: Rejection): Promise<void> {
    this.stream ??= createWriteStream(this.path, { flags: 'w' })
    this.count++
    if (!this.stream.write(`${JSON.stringify({ ...r, raw: excerpt(r.raw) })}\n`))
      await once(this.stream, 'drain')
  }

  async close(): Promise<void> {
    if (!this.stream) return
    this.stream.end()
    await once(this.stream, 'finish')
  }
}

export function summaryPathFor(rejectPath: string): string {
  return rejectPath.replace(/\.rejects\.jsonl$/, '.import-summary.json')
}
