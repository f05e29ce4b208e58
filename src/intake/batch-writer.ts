// Stores prepared records as they arrive, a transaction per batch of them, and hands each
// committed batch to onBatch. Records wait in memory only when onBatch wants them.
import type { Context } from '../context.js'
import { STAGED_IDENTIFIERS } from '../store/bulk-load.js'
import { BulkSession, bulkBatchSize } from '../store/dialect.js'
import type { BatchOutcome } from './intake.repository.js'
import { writeBatch } from './intake.repository.js'
import { writeBatchOnSqlite } from './intake.sqlite-repository.js'
import type { PreparedRecord } from './prepared-record.js'
import type { RecordKind } from './record-kinds.js'

export type OnBatch = (records: PreparedRecord[]) => Promise<void> | void

export class BatchWriter {
  readonly totals: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0 }
  private readonly session: BulkSession
  private readonly batchSize: number
  private batch: PreparedRecord[] = []
  private inBatch = 0

  constructor(
    ctx: Context,
    private readonly kind: RecordKind<unknown>,
    private readonly now: string,
    private readonly onBatch?: OnBatch,
    batchSize?: number,
    /** New identifiers are staged, to be merged at the end of a bulk load (store/bulk-load.ts). */
    private readonly stageIdentifiers = false,
  ) {
    this.session = new BulkSession(ctx)
    this.batchSize = batchSize ?? bulkBatchSize(ctx)
  }

  async write(records: PreparedRecord[]): Promise<void> {
    const { kind, now } = this
    const identifiers = this.stageIdentifiers ? STAGED_IDENTIFIERS : 'identifiers'
    const out = await this.session.run({
      sqlite: (handle) => writeBatchOnSqlite(handle, kind, records, now, identifiers),
      portable: (trx) => writeBatch(trx, kind, records, now),
    })
    this.totals.inserted += out.inserted
    this.totals.updated += out.updated
    this.totals.unchanged += out.unchanged
    if (this.onBatch) this.batch.push(...records)
    this.inBatch += records.length
    if (this.inBatch >= this.batchSize) await this.commit()
  }

  async commit(): Promise<void> {
    await this.session.commit()
    const [batch, stored] = [this.batch, this.inBatch]
    this.batch = []
    this.inBatch = 0
    if (stored) await this.onBatch?.(batch)
  }

  rollback(): Promise<void> {
    return this.session.rollback()
  }
}
