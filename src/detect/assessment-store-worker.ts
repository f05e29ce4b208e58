// The worker thread of assessment-storage.ts: stores batches of assessment rows through its own
// connection to the SQLite file and appends their lines to the assessments file, while the main
// thread assesses the next batch.
import type SQLite from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { BURST_CHECKPOINT_PAGES } from '../store/write-burst.js'
import { openWriterConnection } from '../store/writer-connection.js'
import { AssessmentFile } from './assessment-file.js'
import { assessmentLine, ROW_WIDTH } from './assessment-rows.js'
import type { AssessmentRow } from './assessment-rows.js'
import { UPSERT_SQL } from './assessment.repository.js'
import type { StoreReply, StoreRequest, StoreWorkerData } from './assessment-storage.js'

const { dbPath, file } = workerData as StoreWorkerData

/** Opened on the first request, so that a store that cannot be opened answers with its reason. */
let target: { db: SQLite.Database; storeRows: (rows: AssessmentRow[]) => void } | null = null
let out: AssessmentFile | null = null

function open(): NonNullable<typeof target> {
  const db = openWriterConnection(dbPath)
  // A write burst's checkpoints, as the main thread's connection has during the run.
  db.pragma(`wal_autocheckpoint = ${BURST_CHECKPOINT_PAGES}`)
  const upsert = db.prepare(UPSERT_SQL)
  const storeRows = db.transaction((rows: AssessmentRow[]) => {
    for (const row of rows) upsert.run(...row)
  })
  out = file ? new AssessmentFile(file) : null
  return { db, storeRows }
}

parentPort?.on('message', (m: StoreRequest) => {
  try {
    target ??= open()
    if (m.kind === 'close') {
      out?.finish()
      target.db.close()
      reply({ kind: 'closed' })
      return
    }
    const rows: AssessmentRow[] = []
    for (let at = 0; at < m.values.length; at += ROW_WIDTH)
      rows.push(m.values.slice(at, at + ROW_WIDTH) as AssessmentRow)
    target.storeRows(rows)
    out?.write(rows.map(assessmentLine))
    reply({ kind: 'stored', id: m.id })
  } catch (e) {
    out?.abandon()
    reply({ kind: 'failed', message: e instanceof Error ? e.message : String(e) })
  }
})

function reply(r: StoreReply): void {
  parentPort?.postMessage(r)
}
