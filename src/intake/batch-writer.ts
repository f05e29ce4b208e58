// Stores prepared records as they arrive, a transaction per batch of them, and hands each
// committed batch to onBatch. Records wait in memory only when onBatch wants them.
import type { Context } from '../context.js'
import type { BulkLoad } from '../store/bulk-load.js'
import { NO_BULK_LOAD, STAGED_IDENTIFIERS } from '../store/bulk-load.js'
import { BulkSession, bulkBatchSize } from '../store/dialect.js'
import type { BatchOutcome } from './intake.repository.js'
import { writeBatch } from './intake.repository.js'
import type { IdentifierTarget } from './intake.sqlite-repository.js'
import { writeBatchOnSqlite } from './intake.sqlite-repository.js'
import type { PreparedRecord } from './prepared-record.js'
import type { RecordKind } from './record-kinds.js'

export type OnBatch = (records: PreparedRecord[]) => Promise<void> | void

export class BatchWriter {
  readonly totals: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0 }
  private readonly session: BulkSession
  private readonly batchSize: number
  private readonly identifiers: IdentifierTarget
  private batch: PreparedRecord[] = []
  private inBatch = 0

  constructor(
    ctx: Context,
    private readonly kind: RecordKind<unknown>,
    private readonly now: string,
    private readonly onBatch?: OnBatch,
    batchSize?: number,
    /** A bulk load stages new identifiers, to be merged at its end (store/bulk-load.ts). */
    bulk: BulkLoad = NO_BULK_LOAD,
  ) {
    this.session = new BulkSession(ctx)
    this.batchSize = batchSize ?? bulkBatchSize(ctx)
    this.identifiers = {
      table: bulk.stagesIdentifiers ? STAGED_IDENTIFIERS : 'identifiers',
      invalidOnly: bulk.stagesInvalidOnly,
    }
  }

  async write(records: PreparedRecord[]): Promise<void> {
    const { kind, now, identifiers } = this
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
