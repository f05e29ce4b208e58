// Imports one interchange file: stream -> validate -> normalise -> store, in batches, keeping
// every good line and reporting every bad one. Nothing is silently dropped.
import { stat } from 'node:fs/promises'
import { writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import { BatchWriter } from './batch-writer.js'
import { preparedLines, WORKER_MIN_BYTES } from './prepared-lines.js'
import type { PreparedRecord } from './prepared-record.js'
import type { RecordKind, RecordKindName } from './record-kinds.js'
import { recordKinds } from './record-kinds.js'
import { RejectWriter, summaryPathFor } from './reject-report.js'

export type ImportProgress = { bytes: number; totalBytes: number; lines: number }

export type ImportOptions = {
  rejectDir?: string
  batchSize?: number
  onProgress?: (p: ImportProgress) => void
  /** Prepare lines on a worker thread; by default only for files of WORKER_MIN_BYTES or more. */
  prepareOnWorker?: boolean
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
  const writer = new BatchWriter(ctx, kind, startedAt, opts.onBatch, opts.batchSize)
  const onWorker = opts.prepareOnWorker ?? totalBytes >= WORKER_MIN_BYTES
  let lines = 0
  let bytes = 0
  try {
    for await (const chunk of preparedLines(file, kindName, onWorker)) {
      const records: PreparedRecord[] = []
      for (const item of chunk) {
        lines++
        bytes += item.bytes
        if ('record' in item) records.push(item.record)
        else await rejects.write({ file, line: item.line, ...item.rejection })
        if (lines % 1000 === 0) opts.onProgress?.({ bytes, totalBytes, lines })
      }
      if (records.length) await writer.write(records)
    }
    await writer.commit()
  } catch (e) {
    await writer.rollback()
    throw e
  }
  await rejects.close()
  opts.onProgress?.({ bytes: totalBytes, totalBytes, lines })
  const summary: ImportSummary = {
    kind: kindName,
    file,
    lines,
    ...writer.totals,
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
