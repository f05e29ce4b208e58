// Batch assessment: import the files (same validation and reject reports as `grayline import`),
// build the detection index from the history already stored, assess the new contacts and re-assess
// only the earlier ones they touch, store everything and write the spec's assessments.jsonl.
import { statSync } from 'node:fs'
import type { Context } from '../context.js'
import type { Assessment, WatchlistEntry } from '../contract/index.js'
import { importFile } from '../intake/intake.service.js'
import type { ImportProgress, ImportSummary } from '../intake/intake.service.js'
import type { PreparedRecord } from '../intake/prepared-record.js'
import type { CustomerOnFile } from './detection-index.js'
import { Detector } from './detector.js'
import type { ScoredAssessment } from './detector.js'
import { loadIndex } from './index-loader.js'
import { ContactPreparation } from './contact-preparation.js'
import type { PreparedContact } from './prepared-contact.js'
import { riskByContact } from './assessment.repository.js'
import { startAssessmentStorage } from './assessment-storage.js'
import { beginBulkLoad, NO_BULK_LOAD } from '../store/bulk-load.js'
import type { BulkLoad } from '../store/bulk-load.js'
import { inWriteBurst } from '../store/write-burst.js'
import { withHeapHeldClose } from './heap-growth.js'
import type { RuleSet } from './rules/rule-set.js'

export type AssessInput = {
  customers?: string
  contacts?: string
  watchlist?: string
  rules: RuleSet
  rejectDir?: string
  /**
   * Receives each assessment of a contact in the input file (or of every contact when no contacts
   * file is given), in batches, as soon as it is made: a million assessments are never held at
   * once. Every one is stored by the time the run returns.
   */
  emit?: (batch: ScoredAssessment[]) => Promise<void> | void
  /**
   * Writes every assessment the run stores (the spec's assessments.jsonl) to this file, beside
   * the store, on the storing thread.
   */
  out?: string
  /**
   * From how many assessments to store on a store holding fewer a run is a bulk load (indexes
   * built at the end); 50,000 unless a test wants the path on a small population.
   */
  bulkStoreFrom?: number
  /** From how many assessments they are stored on a worker thread (a SQLite file only). */
  storeOnWorkerFrom?: number
}

export type AssessProgress = (stage: string, done: number, total: number) => void

export type AssessResult = {
  imports: ImportSummary[]
  historyContacts: number
  /** Contacts of the input assessed (every contact when no contacts file was given). */
  assessed: number
  flagged: number
  reassessedEarlier: number
  changedEarlier: number
  detector: Detector
}

/**
 * Imports, detection and storing are one long run of writes (store/write-burst.ts) that builds a
 * large index fast (heap-growth.ts).
 */
export async function assessFiles(
  ctx: Context,
  input: AssessInput,
  progress?: AssessProgress,
): Promise<AssessResult> {
  return withHeapHeldClose(() =>
    inWriteBurst(ctx.sqlite, () => assessInBurst(ctx, input, progress)),
  )
}

async function assessInBurst(
  ctx: Context,
  input: AssessInput,
  progress?: AssessProgress,
): Promise<AssessResult> {
  const detector = new Detector(input.rules)
  const index = detector.index
  // The stage begins with the customers on file, before the first contact is counted.
  progress?.('load history', 0, 1)
  await loadIndex(ctx, index, (d, t) => progress?.('load history', d, t))
  const historyContacts = index.contacts.length
  const imports: ImportSummary[] = []
  const fresh: number[] = []
  // After the last line a bulk load builds its indexes: a stage of its own, not a bar at 100%.
  const onProgress = (stage: string) => (p: ImportProgress) =>
    p.finishing ? progress?.(`${stage}: indexes`, 0, 1) : progress?.(stage, p.bytes, p.totalBytes)
  if (input.watchlist)
    imports.push(
      await importFile(ctx, 'watchlist', input.watchlist, {
        rejectDir: input.rejectDir,
        onProgress: onProgress('import watchlist'),
      }),
    )
  if (input.watchlist) await reloadWatchlist(ctx, detector)
  if (input.customers) {
    const onBatch = (batch: PreparedRecord[]) =>
      batch.forEach((r) => index.addCustomer(customerOnFile(r)))
    imports.push(
      await importFile(ctx, 'customers', input.customers, {
        rejectDir: input.rejectDir,
        onBatch,
        onProgress: onProgress('import customers'),
      }),
    )
  }
  if (input.contacts) {
    // Each stored batch is prepared for the index on a worker while the next one is imported.
    const preparation = ContactPreparation.start(
      index.options.templateMinChars,
      statSync(input.contacts).size >= PREPARE_ON_WORKER_BYTES,
    )
    const place = (prepared: PreparedContact[]) =>
      prepared.forEach((p) => fresh.push(index.addPrepared(p)))
    const onBatch = async (batch: PreparedRecord[]) => {
      preparation.submit(
        batch.map((r) => r.json),
        batch.map((r) => r.links),
      )
      for await (const prepared of preparation.ready(PREPARED_AHEAD)) place(prepared)
    }
    try {
      imports.push(
        await importFile(ctx, 'contacts', input.contacts, {
          rejectDir: input.rejectDir,
          onBatch,
          onProgress: onProgress('import contacts'),
        }),
      )
      for await (const prepared of preparation.ready()) place(prepared)
    } finally {
      await preparation.close()
    }
  }
  // The imports filled this connection's page cache (64 MB); from here the store is read little
  // and written by the assessment storage's own connection, while the index grows to its peak.
  ctx.sqlite?.pragma('shrink_memory')
  detector.invalidate()
  progress?.('find gangs', 0, 1)
  detector.prepare()
  const targets =
    historyContacts === 0 || !input.contacts
      ? allIndices(index.contacts.length)
      : affected(detector, fresh)
  // By index, not by id: a first run's million ids in a Set cost ~40 MB at the run's peak.
  const isFresh = new Uint8Array(index.contacts.length)
  for (const i of fresh) isFresh[i] = 1
  const earlierIds = targets
    .filter((i) => !isFresh[i])
    .map((i) => index.contacts[i]?.contactId ?? '')
  const riskBefore = await riskByContact(ctx.db, earlierIds)
  const tally = { assessed: 0, flagged: 0, reassessedEarlier: 0, changedEarlier: 0 }
  const sink = async (batch: ScoredAssessment[], of: readonly number[]) => {
    const mine = input.contacts ? batch.filter((_, k) => isFresh[of[k] as number]) : batch
    for (const a of batch) {
      const before = riskBefore.get(a.contact_id)
      if (before === undefined) continue
      tally.reassessedEarlier++
      if (before !== a.risk) tally.changedEarlier++
    }
    tally.assessed += mine.length
    tally.flagged += mine.filter((a) => a.risk === 'medium' || a.risk === 'high').length
    if (mine.length) await input.emit?.(mine)
  }
  await assessAndStore(ctx, detector, targets, sink, progress, input)
  return { imports, historyContacts, ...tally, detector }
}

/** What detection keeps of a customer on file; the record's key is its customer_id. */
function customerOnFile(r: PreparedRecord): CustomerOnFile {
  return {
    customerId: r.key,
    nameKey: (r.columns.name_key as string | null) ?? null,
    identifiers: r.links.map((l) => l.identifier),
  }
}

/** The stored list replaces what the history load put in memory: a changed entry is not kept twice. */
async function reloadWatchlist(ctx: Context, detector: Detector): Promise<void> {
  const rows = await ctx.db.selectFrom('watchlist').select('record').execute()
  detector.index.watchlist.clear()
  for (const r of rows) detector.index.watchlist.add(JSON.parse(r.record) as WatchlistEntry)
}

function allIndices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

/** New contacts, their neighbours, and the gangs either belongs to. */
function affected(detector: Detector, fresh: number[]): number[] {
  const out = new Set<number>()
  for (const i of fresh) {
    for (const n of detector.index.neighbours(i)) out.add(n)
  }
  for (const i of [...out]) for (const m of detector.gangOf(i)?.members ?? []) out.add(m)
  return [...out].sort((a, b) => a - b)
}

async function assessAndStore(
  ctx: Context,
  detector: Detector,
  targets: number[],
  /** Each batch with the index of each of its contacts. */
  sink: (batch: ScoredAssessment[], of: readonly number[]) => Promise<void>,
  progress: AssessProgress | undefined,
  input: AssessInput,
): Promise<void> {
  const now = ctx.clock.now().toISOString()
  const bulk = await assessmentBulkLoad(
    ctx,
    targets.length,
    input.bulkStoreFrom ?? BULK_ASSESSMENTS,
  )
  try {
    const storage = startAssessmentStorage(ctx, now, {
      file: input.out,
      onWorker: targets.length >= (input.storeOnWorkerFrom ?? STORE_ON_WORKER),
    })
    try {
      for (let i = 0; i < targets.length; i += STORE_BATCH) {
        const of = targets.slice(i, i + STORE_BATCH)
        const batch = of.map((t) => detector.assess(t))
        await storage.store(batch)
        await sink(batch, of)
        progress?.('assess', Math.min(targets.length, i + STORE_BATCH), targets.length)
      }
      await storage.finish()
    } catch (e) {
      await storage.abandon()
      throw e
    }
  } finally {
    if (bulk.deferredIndexes.length) progress?.('assess: indexes', 0, 1)
    bulk.finish()
  }
}

/**
 * Storing more assessments than the store holds (a first run over a large history) writes them
 * without the risk and gang indexes, built once at the end from sorted keys: maintaining them row
 * by row nearly doubles the cost of each row. A run that dies half-way leaves a note that the next
 * opening of the store finishes (store/bulk-load.ts).
 */
async function assessmentBulkLoad(ctx: Context, storing: number, from: number): Promise<BulkLoad> {
  if (!ctx.sqlite || storing < from) return NO_BULK_LOAD
  const held = await ctx.db
    .selectFrom('assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  if (Number(held?.n ?? 0) >= storing) return NO_BULK_LOAD
  const handle = ctx.sqlite
  return ctx.db
    .connection()
    .execute(() =>
      Promise.resolve(
        beginBulkLoad(handle, { indexes: ASSESSMENT_INDEXES, stageIdentifiers: false }),
      ),
    )
}

/** Below this many, keeping the indexes up to date costs less than rebuilding them. */
const BULK_ASSESSMENTS = 50_000
const ASSESSMENT_INDEXES = ['assessments_risk', 'assessments_gang']

/** A contacts file this large is prepared for the index on a worker (about 30,000 contacts). */
const PREPARE_ON_WORKER_BYTES = 16 * 2 ** 20
/** Slices of prepared contacts left waiting while the import goes on: about one import batch. */
const PREPARED_AHEAD = 10

/** From this many assessments a SQLite file's are stored on a worker (its start costs ~0.3 s). */
const STORE_ON_WORKER = 20_000

/** Assessments stored (and handed on) per transaction-sized batch. */
const STORE_BATCH = 5000

export function toInterchange(a: ScoredAssessment): Assessment {
  return {
    contact_id: a.contact_id,
    risk: a.risk,
    severity: a.severity,
    categories: a.categories,
    signals: a.signals,
    gang_id: a.gang_id,
    recommended_action: a.recommended_action,
    rules_version: a.rules_version,
  }
}
