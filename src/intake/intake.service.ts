// Imports one interchange file: stream -> validate -> normalise -> store, in batches, keeping
// every good line and reporting every bad one. Nothing is silently dropped.
import { stat } from 'node:fs/promises'
import { writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import { readCsvRows } from './csv-reader.js'
import { readJsonLines } from './jsonl-reader.js'
import type { BatchOutcome } from './intake.repository.js'
import { writeBatch } from './intake.repository.js'
import type { PreparedRecord } from './prepared-record.js'
import { prepareRecord } from './prepared-record.js'
import type { RecordKind, RecordKindName } from './record-kinds.js'
import { recordKinds } from './record-kinds.js'
import { RejectWriter, summaryPathFor } from './reject-report.js'
import type { SourceLine } from './source-line.js'
import { formatOf } from './source-line.js'
import { validateLine } from './validate-line.js'

export type ImportProgress = { bytes: number; totalBytes: number; lines: number }

export type ImportOptions = {
  rejectDir?: string
  batchSize?: number
  onProgress?: (p: ImportProgress) => void
  /** Called after each stored batch with its records, e.g. to feed detection. */
  onBatch?: (records: PreparedRecord[]) => Promise<void> | void
}

export type ImportSummary = {
  kind: RecordKindName
  file: string
  lines: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  rejectFile: string | null
  summaryFile: string
  startedAt: string
  finishedAt: string
}

export class InputFileError extends Error {
  readonly code = 'input_file_unreadable'
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`)
  }
}

export async function importFile(
  ctx: Context,
  kindName: RecordKindName,
  file: string,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const totalBytes = await fileSize(file)
  const kind = recordKinds[kindName] as RecordKind<unknown>
  const rejects = new RejectWriter(file, opts.rejectDir)
  const startedAt = ctx.clock.now().toISOString()
  const totals: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0 }
  const firstLineOf = new Map<string, number>()
  let batch: PreparedRecord[] = []
  let lines = 0
  let bytes = 0
  const flush = async () => {
    if (!batch.length) return
    const out = await ctx.db.transaction().execute((trx) => writeBatch(trx, kind, batch, startedAt))
    totals.inserted += out.inserted
    totals.updated += out.updated
    totals.unchanged += out.unchanged
    await opts.onBatch?.(batch)
    batch = []
  }
  for await (const src of sourceLines(file, kind)) {
    lines++
    bytes += src.bytes
    const reject = (field: string | null, reason: string) =>
      rejects.write({ file, line: src.line, field, reason, raw: src.raw })
    const result = validateLine(kind.schema, src)
    if (!result.ok) {
      await reject(result.field, result.reason)
    } else {
      const prepared = prepareRecord(kind, result.record)
      const first = firstLineOf.get(prepared.key)
      if (first !== undefined)
        await reject(
          kind.idField,
          `duplicate ${kind.idField} "${prepared.key}" in this file (first on line ${first})`,
        )
      else {
        firstLineOf.set(prepared.key, src.line)
        batch.push(prepared)
      }
    }
    if (batch.length >= (opts.batchSize ?? 2000)) await flush()
    if (lines % 1000 === 0) opts.onProgress?.({ bytes, totalBytes, lines })
  }
  await flush()
  await rejects.close()
  opts.onProgress?.({ bytes: totalBytes, totalBytes, lines })
  const summary: ImportSummary = {
    kind: kindName,
    file,
    lines,
    ...totals,
    rejected: rejects.count,
    rejectFile: rejects.count ? rejects.path : null,
    summaryFile: summaryPathFor(rejects.path),
    startedAt,
    finishedAt: ctx.clock.now().toISOString(),
  }
  await writeFile(summary.summaryFile, `${JSON.stringify(summary, null, 2)}\n`)
  await recordRun(ctx, summary)
  return summary
}

function sourceLines(file: string, kind: RecordKind<unknown>): AsyncGenerator<SourceLine> {
  return formatOf(file) === 'csv' ? readCsvRows(file, kind.csv) : readJsonLines(file)
}

async function fileSize(file: string): Promise<number> {
  try {
    const s = await stat(file)
    if (!s.isFile()) throw new InputFileError(file, 'is not a file')
    return s.size
  } catch (e) {
    if (e instanceof InputFileError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new InputFileError(
      file,
      code === 'ENOENT' ? 'no such file — check the path' : `cannot be read (${code ?? String(e)})`,
    )
  }
}

async function recordRun(ctx: Context, s: ImportSummary): Promise<void> {
  await ctx.db
    .insertInto('import_runs')
    .values({
      id: randomUUID(),
      kind: s.kind,
      file: s.file,
      started_at: s.startedAt,
      finished_at: s.finishedAt,
      lines: s.lines,
      inserted: s.inserted,
      updated: s.updated,
      unchanged: s.unchanged,
      rejected: s.rejected,
    })
    .execute()
}
