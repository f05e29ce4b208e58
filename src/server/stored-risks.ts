// The stored risk of every contact, in memory on SQLite. Screening shows the risk of the caller's
// five latest contacts, and five scattered lookups in a million-row table cost ~50 µs a call, a
// fifth of what a whole screening may cost. Read once at start; a contact is forgotten as soon as
// this process saves its assessment (onAssessmentsSaved) and read from the store again on its next
// use. Like the detection index, it follows this process's writes, not another process's.
import type { Context } from '../context.js'
import { onAssessmentsSaved } from '../detect/index.js'
import { preparedStatement } from '../store/dialect.js'
import type { SqliteHandle } from '../store/dialect.js'

/** A contact's stored risk: null when it has no assessment, undefined when not known here. */
export type RiskLookup = { get(contactId: string): string | null | undefined }

type RiskRow = [contactId: string, risk: string]

// One string per risk for a million rows, not a million copies of four words.
const RISKS = new Map(['high', 'medium', 'low', 'none'].map((r) => [r, r]))

export class StoredRisks implements RiskLookup {
  private readonly byContact = new Map<string, string | null>()
  // Bumped by every save: a read that began before it must not store what it read.
  private generation = 0
  private readonly unsubscribe: () => void

  private constructor(
    private readonly ctx: Context,
    private readonly sqlite: SqliteHandle,
  ) {
    this.unsubscribe = onAssessmentsSaved((ids) => {
      this.generation++
      for (const id of ids) this.byContact.delete(id)
    })
  }

  /** null on PostgreSQL (several servers may share it): the route asks the store each time. */
  static async load(ctx: Context): Promise<StoredRisks | null> {
    const handle = ctx.sqlite
    if (!handle) return null
    const risks = new StoredRisks(ctx, handle)
    await ctx.db.connection().execute(() => {
      const all = handle.prepare('select contact_id, risk from assessments').raw(true)
      for (const [id, risk] of all.iterate() as IterableIterator<RiskRow>) risks.remember(id, risk)
      return Promise.resolve()
    })
    return risks
  }

  get(contactId: string): string | null | undefined {
    return this.byContact.get(contactId)
  }

  /** Whether every one of `ids` is known here, so that no read is needed. */
  knows(ids: readonly string[]): boolean {
    for (const id of ids) if (!this.byContact.has(id)) return false
    return true
  }

  /** The risks of `ids` read from the store, remembered unless a save came meanwhile. */
  async read(ids: readonly string[]): Promise<RiskLookup> {
    const generation = this.generation
    const rows = await this.select(ids)
    const read = new Map<string, string | null>(ids.map((id) => [id, null]))
    for (const [id, risk] of rows) read.set(id, risk)
    if (generation === this.generation) for (const [id, risk] of read) this.remember(id, risk)
    return read
  }

  close(): void {
    this.unsubscribe()
  }

  private remember(id: string, risk: string | null): void {
    this.byContact.set(id, risk === null ? null : (RISKS.get(risk) ?? risk))
  }

  private select(ids: readonly string[]): Promise<RiskRow[]> {
    const sql = `select contact_id, risk from assessments where contact_id in (${ids.map(() => '?').join(', ')})`
    const run = () =>
      preparedStatement(this.sqlite, sql)
        .raw(true)
        .all(...ids) as RiskRow[]
    // Outside a transaction the read is synchronous and sees only committed rows; inside one (an
    // import being stored), it waits for Kysely's connection, i.e. for the commit.
    if (!this.sqlite.inTransaction) return Promise.resolve(run())
    return this.ctx.db.connection().execute(() => Promise.resolve(run()))
  }
}
