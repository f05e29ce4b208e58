// Rows inserted many to a statement on SQLite's handle: each run of a statement costs about as
// much as the rows it writes (measured 2.3 µs a link row one by one, 1.4 µs fifty at a time).
import type { SqliteHandle, SqliteStatement } from '../store/dialect.js'
import { preparedStatement } from '../store/dialect.js'

/** Bound values per statement: far below SQLite's limit (32,766), enough to share the run's cost. */
const VALUES_PER_STATEMENT = 500

/** What a statement that returns rows gives back: its first column, one value a row. */
export type OnReturned = (values: unknown[]) => void

export class RowInserts {
  private readonly rowsPerStatement: number
  private values: unknown[] = []
  private rows = 0
  private full: SqliteStatement | null = null

  constructor(
    private readonly handle: SqliteHandle,
    private readonly table: string,
    private readonly columns: readonly string[],
    /** `on conflict …`, `returning …`: a returning clause makes each run hand its rows back. */
    private readonly tail: string,
    /** Each column's placeholder when not a bare `?` (e.g. `cast(? as text)`), by column name. */
    private readonly placeholders: Readonly<Record<string, string>> = {},
  ) {
    this.rowsPerStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length))
  }

  /** Queues one row (its values in the columns' order); runs a statement once enough wait. */
  add(row: readonly unknown[], onReturned?: OnReturned): void {
    for (const v of row) this.values.push(v)
    if (++this.rows === this.rowsPerStatement) this.flush(onReturned)
  }

  /** Runs what is queued. */
  flush(onReturned?: OnReturned): void {
    if (this.rows === 0) return
    const statement =
      this.rows === this.rowsPerStatement
        ? (this.full ??= this.statementFor(this.rows))
        : this.statementFor(this.rows)
    if (onReturned) onReturned(statement.pluck().all(this.values))
    else statement.run(this.values)
    this.values = []
    this.rows = 0
  }

  private statementFor(rows: number): SqliteStatement {
    return insertStatement(
      this.handle,
      this.table,
      this.columns,
      rows,
      this.tail,
      this.placeholders,
    )
  }
}

/**
 * Rows keyed by one column, some of which may be stored already, inserted so as to tell the new
 * ones. A plain insert names them all when none is stored, as in most of a large import: asking
 * SQLite to return the keys instead cost ~2 µs a bench contact, a sixth of the importing
 * thread's writes. A row already stored fails the plain statement, which SQLite undoes on its own
 * (the transaction goes on); its rows go again with `on conflict do nothing returning` the key,
 * as do the rest of this writer's rows: a file of records mostly stored stops trying.
 */
export class NewRowInserts {
  private readonly rowsPerStatement: number
  private readonly keyAt: number
  private values: unknown[] = []
  private rows = 0
  private allNew = true
  private readonly full = new Map<boolean, SqliteStatement>()

  /** The bound columns, then those of `same`, each row's values in `sql`'s placeholders. */
  private readonly sqlColumns: readonly string[]
  private readonly sql: Readonly<Record<string, string>>

  constructor(
    private readonly handle: SqliteHandle,
    private readonly table: string,
    /** Columns bound a row (`add`'s values), in order. */
    private readonly columns: readonly string[],
    private readonly key: string,
    placeholders: Readonly<Record<string, string>> = {},
    /**
     * Columns every row has the same value in, by SQL expression (`1`, `@now`) with `named`'s
     * values: bound once a statement, not once a row.
     */
    same: Readonly<Record<string, string>> = {},
    private readonly named?: Readonly<Record<string, unknown>>,
  ) {
    this.rowsPerStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length))
    this.keyAt = columns.indexOf(key)
    if (this.keyAt === -1) throw new Error(`${key} is not among the columns of ${table}`)
    this.sqlColumns = [...columns, ...Object.keys(same)]
    this.sql = { ...placeholders, ...same }
  }

  /** Queues one row; hands the keys of those inserted to `onNew` once a statement has run. */
  add(row: readonly unknown[], onNew: OnReturned): void {
    for (const v of row) this.values.push(v)
    if (++this.rows === this.rowsPerStatement) this.flush(onNew)
  }

  flush(onNew: OnReturned): void {
    if (this.rows === 0) return
    const { values, rows } = this
    this.values = []
    this.rows = 0
    if (this.allNew) {
      try {
        const statement = this.statement(rows, true)
        if (this.named) statement.run(values, this.named)
        else statement.run(values)
        const keys: unknown[] = []
        for (let at = this.keyAt; at < values.length; at += this.columns.length)
          keys.push(values[at])
        onNew(keys)
        return
      } catch (e) {
        // A row already stored, or another constraint (which fails the next statement as well).
        if (!String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw e
        this.allNew = false
      }
    }
    const statement = this.statement(rows, false).pluck()
    onNew(this.named ? statement.all(values, this.named) : statement.all(values))
  }

  private statement(rows: number, plain: boolean): SqliteStatement {
    const tail = plain ? '' : `on conflict do nothing returning ${this.key}`
    if (rows !== this.rowsPerStatement)
      return insertStatement(this.handle, this.table, this.sqlColumns, rows, tail, this.sql)
    let statement = this.full.get(plain)
    if (!statement) {
      statement = insertStatement(this.handle, this.table, this.sqlColumns, rows, tail, this.sql)
      this.full.set(plain, statement)
    }
    return statement
  }
}

function insertStatement(
  handle: SqliteHandle,
  table: string,
  columns: readonly string[],
  rows: number,
  tail: string,
  placeholders: Readonly<Record<string, string>>,
): SqliteStatement {
  const row = `(${columns.map((c) => placeholders[c] ?? '?').join(', ')})`
  const sql = `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')} ${tail}`
  return preparedStatement(handle, sql)
}

/**
 * Rows in groups that share some of their values (a record's links share its key, customer and
 * time), each group's shared values bound once: binding a value costs more than SQLite's storing
 * it (callgrind: half the instructions of an insert's run were better-sqlite3 binding), and a
 * contact's three links bound 15 values where this binds 9. Groups of the same size share a
 * statement: `with g(…) as not materialized (values (…), …)` and one `select` from g per row
 * of a group, so SQLite reads each bound value again instead of having it bound again.
 */
export class GroupedRowInserts {
  /** Waiting groups, by rows a group. */
  private readonly waiting = new Map<number, { values: unknown[]; groups: number }>()

  constructor(
    private readonly handle: SqliteHandle,
    private readonly table: string,
    /** Columns whose value a group's rows share. */
    private readonly shared: readonly string[],
    /** Columns of each row's own. */
    private readonly own: readonly string[],
    /** `on conflict …` */
    private readonly tail: string,
  ) {}

  /** Queues a group: its shared values, then each row's own values one row after another. */
  add(shared: readonly unknown[], own: readonly unknown[]): void {
    const rows = own.length / this.own.length
    if (rows === 0) return
    let w = this.waiting.get(rows)
    if (!w) this.waiting.set(rows, (w = { values: [], groups: 0 }))
    for (const v of shared) w.values.push(v)
    for (const v of own) w.values.push(v)
    if (++w.groups === this.groupsPerStatement(rows)) this.run(rows, w)
  }

  /** Runs what is queued. */
  flush(): void {
    for (const [rows, w] of this.waiting) if (w.groups) this.run(rows, w)
  }

  private groupsPerStatement(rows: number): number {
    return Math.max(
      1,
      Math.floor(VALUES_PER_STATEMENT / (this.shared.length + rows * this.own.length)),
    )
  }

  private run(rows: number, w: { values: unknown[]; groups: number }): void {
    if (w.groups === this.groupsPerStatement(rows)) this.statementFor(rows, w.groups).run(w.values)
    else {
      // What is left at a flush goes in statements of 2^i groups: a few shapes a group size to
      // prepare and keep, not one for every count a batch happens to end with.
      const perGroup = this.shared.length + rows * this.own.length
      let at = 0
      for (let size = 1 << 30; size >= 1; size >>= 1) {
        if ((w.groups & size) === 0) continue
        const end = at + size * perGroup
        this.statementFor(rows, size).run(w.values.slice(at, end))
        at = end
      }
    }
    w.values = []
    w.groups = 0
  }

  private statementFor(rows: number, groups: number): SqliteStatement {
    const s = this.shared.map((_, i) => `s${i}`)
    const own = (row: number) => this.own.map((_, i) => `o${row}_${i}`)
    const names = [...s, ...Array.from({ length: rows }, (_, r) => own(r)).flat()]
    const group = `(${names.map(() => '?').join(', ')})`
    const values = Array.from({ length: groups }, () => group).join(', ')
    const selects = Array.from(
      { length: rows },
      (_, r) => `select ${[...s, ...own(r)].join(', ')} from g`,
    ).join(' union all ')
    // `where true`: an upsert after a select needs one, or `on` would be read as a join's.
    const sql = `with g(${names.join(', ')}) as not materialized (values ${values}) insert into ${this.table} (${[...this.shared, ...this.own].join(', ')}) ${selects} where true ${this.tail}`
    return preparedStatement(this.handle, sql)
  }
}
