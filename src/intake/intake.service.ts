// Imports one interchange file: stream -> validate -> normalise -> store, in batches, keeping
// every good line and reporting every bad one. Nothing is silently dropped.
import { stat } from 'node:fs/promises'
import { writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import type { BulkLoad } from '../store/bulk-load.js'
import { beginBulkLoad, NO_BULK_LOAD } from '../store/bulk-load.js'
import { inWriteBurst } from '../store/write-burst.js'
import { BatchWriter } from './batch-writer.js'
import { preparedLines, WORKER_MIN_BYTES } from './prepared-lines.js'
import type { PreparedRecord } from './prepared-record.js'
import type { RecordKind, RecordKindName } from './record-kinds.js'
import { recordKinds } from './record-kinds.js'
import { RejectWriter, summaryPathFor } from './reject-report.js'

/** `finishing`: after the last line, what a bulk load is building (an index, the identifiers). */
export type ImportProgress = {
  bytes: number
  totalBytes: number
  lines: number
  finishing?: string
}

export type ImportOptions = {
  rejectDir?: string
  batchSize?: number
  onProgress?: (p: ImportProgress) => void
  /** Prepare lines on a worker thread; by default only for files of WORKER_MIN_BYTES or more. */
  prepareOnWorker?: boolean
  /**
   * Let a large file into an emptier SQLite store build its scattered indexes and merge its new
   * identifiers at the end (the default: store/bulk-load.ts); false writes them row by row.
   */
  bulkLoad?: boolean
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
  // A large file is a long run of writes, and re-runnable: checkpoints sparser meanwhile.
  const burst = totalBytes >= WORKER_MIN_BYTES ? ctx.sqlite : undefined
  return inWriteBurst(burst, () => importLines(ctx, kindName, file, totalBytes, opts))
}

async function importLines(
  ctx: Context,
  kindName: RecordKindName,
  file: string,
  totalBytes: number,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const kind = recordKinds[kindName] as RecordKind<unknown>
  const rejects = new RejectWriter(file, opts.rejectDir)
  const startedAt = ctx.clock.now().toISOString()
  const onWorker = opts.prepareOnWorker ?? totalBytes >= WORKER_MIN_BYTES
  const bulk =
    opts.bulkLoad === false ? NO_BULK_LOAD : await bulkLoadFor(ctx, kind, totalBytes, startedAt)
  const writer = new BatchWriter(ctx, kind, startedAt, opts.onBatch, opts.batchSize, bulk)
  let lines = 0
  let bytes = 0
  try {
    let records: PreparedRecord[] = []
    for await (const chunk of preparedLines(file, kindName, onWorker)) {
      for (const item of chunk) {
        lines++
        bytes += item.bytes
        if ('record' in item) records.push(item.record)
        else await rejects.write({ file, line: item.line, ...item.rejection })
        if (lines % 1000 === 0) opts.onProgress?.({ bytes, totalBytes, lines })
      }
      // Chunks are small (a thread hand-over each); a write takes several.
      if (records.length >= WRITE_RECORDS) {
        await writer.write(records)
        records = []
      }
    }
    if (records.length) await writer.write(records)
    await writer.commit()
  } catch (e) {
    await writer.rollback()
    throw e
  } finally {
    bulk.finish((name, step, steps) =>
      opts.onProgress?.({
        bytes: totalBytes,
        totalBytes,
        lines,
        finishing: `${name} (${step}/${steps})`,
      }),
    )
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

/** Records a batch write is handed at a time: each write looks its keys up in one go. */
const WRITE_RECORDS = 1000

/**
 * A file can hold no fewer records than its size over this (interchange records average a few
 * hundred bytes): the lower bound of what an import brings.
 */
const MAX_AVERAGE_RECORD_BYTES = 2048

/**
 * On SQLite, a large file into a table that holds less than the file brings is a bulk load: the
 * kind's scattered indexes are built and its new identifiers merged at the end, in key order.
 */
async function bulkLoadFor(
  ctx: Context,
  kind: RecordKind<unknown>,
  totalBytes: number,
  firstSeen: string,
): Promise<BulkLoad> {
  const handle = ctx.sqlite
  if (!handle || totalBytes < WORKER_MIN_BYTES || kind.table === 'watchlist') return NO_BULK_LOAD
  const row = await ctx.db
    .selectFrom(kind.table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(row.n) > totalBytes / MAX_AVERAGE_RECORD_BYTES) return NO_BULK_LOAD
  const table = kind.table === 'contacts' ? 'contact_identifiers' : 'customer_identifiers'
  return beginBulkLoad(handle, {
    indexes: kind.deferrableIndexes,
    stageIdentifiers: true,
    identifiersFromLinks: { table, firstSeen },
  })
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
