// Stored assessments: one row a contact, replaced when the contact is re-assessed.
import type { Kysely, Transaction } from 'kysely'
import type { Assessment } from '../contract/index.js'
import type { Database } from '../store/schema.js'
import { preparedStatement } from '../store/dialect.js'
import type { SqliteHandle } from '../store/dialect.js'
import type { ScoredAssessment } from './detector.js'
import { ASSESSMENT_COLUMNS, assessmentRow } from './assessment-rows.js'

type Db = Kysely<Database> | Transaction<Database>

const ROWS_PER_STATEMENT = 500

type SavedListener = (contactIds: readonly string[]) => void
const savedListeners = new Set<SavedListener>()

/**
 * Told the contact ids of every saveAssessments call in this process once its rows are written
 * (committed, or inside the caller's open transaction): a server that keeps stored risks in
 * memory forgets those and reads them again. Returns the unsubscribe.
 */
export function onAssessmentsSaved(listener: SavedListener): () => void {
  savedListeners.add(listener)
  return () => savedListeners.delete(listener)
}

/**
 * Stores (or replaces) assessments. Given SQLite's own handle, the rows go through one prepared
 * statement in one transaction on Kysely's borrowed connection: a million assessments compiled
 * as Kysely inserts cost more than assessing them.
 */
export async function saveAssessments(
  db: Db,
  items: ScoredAssessment[],
  now: string,
  sqlite?: SqliteHandle,
): Promise<void> {
  if (!items.length) return
  try {
    await writeAssessments(db, items, now, sqlite)
  } finally {
    // Also after a failure: a half-written batch must not leave a listener sure of the old risks.
    if (savedListeners.size > 0) announceSaved(items.map((a) => a.contact_id))
  }
}

/** Tells the onAssessmentsSaved listeners of contacts whose rows another connection wrote. */
export function announceSaved(contactIds: readonly string[]): void {
  for (const listener of savedListeners) listener(contactIds)
}

async function writeAssessments(
  db: Db,
  items: ScoredAssessment[],
  now: string,
  sqlite?: SqliteHandle,
): Promise<void> {
  if (sqlite && !db.isTransaction) {
    await db.connection().execute(() => {
      const statement = preparedStatement(sqlite, UPSERT_SQL)
      sqlite.transaction(() => {
        for (const a of items) statement.run(...assessmentRow(a, now))
      })()
      return Promise.resolve()
    })
    return
  }
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) {
    const rows = items.slice(i, i + ROWS_PER_STATEMENT).map((a) => rowOf(a, now))
    await db
      .insertInto('assessments')
      .values(rows)
      .onConflict((oc) =>
        oc.column('contact_id').doUpdateSet((eb) => ({
          risk: eb.ref('excluded.risk'),
          severity: eb.ref('excluded.severity'),
          categories: eb.ref('excluded.categories'),
          signals: eb.ref('excluded.signals'),
          gang_id: eb.ref('excluded.gang_id'),
          recommended_action: eb.ref('excluded.recommended_action'),
          rules_version: eb.ref('excluded.rules_version'),
          score: eb.ref('excluded.score'),
          assessed_at: eb.ref('excluded.assessed_at'),
        })),
      )
      .execute()
  }
}

/** Stores (or replaces) one assessment row: the statement saveAssessments and the storing worker run. */
export const UPSERT_SQL =
  `insert into assessments (${ASSESSMENT_COLUMNS.join(', ')}) values (${ASSESSMENT_COLUMNS.map(() => '?').join(', ')}) ` +
  `on conflict (contact_id) do update set ` +
  ASSESSMENT_COLUMNS.slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')

/** The same row as an object, for Kysely's insert (PostgreSQL, or inside a caller's transaction). */
function rowOf(a: ScoredAssessment, now: string): Database['assessments'] {
  const row = assessmentRow(a, now)
  return Object.fromEntries(
    ASSESSMENT_COLUMNS.map((c, k) => [c, row[k]]),
  ) as unknown as Database['assessments']
}

export async function loadAssessment(db: Db, contactId: string): Promise<Assessment | null> {
  const r = await db
    .selectFrom('assessments')
    .selectAll()
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  return r ? rowToAssessment(r) : null
}

export async function riskByContact(db: Db, contactIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (let i = 0; i < contactIds.length; i += ROWS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('assessments')
      .select(['contact_id', 'risk'])
      .where('contact_id', 'in', contactIds.slice(i, i + ROWS_PER_STATEMENT))
      .execute()
    for (const r of rows) out.set(r.contact_id, r.risk)
  }
  return out
}

export function rowToAssessment(r: Database['assessments']): Assessment {
  return {
    contact_id: r.contact_id,
    risk: r.risk as Assessment['risk'],
    severity: r.severity as Assessment['severity'],
    categories: JSON.parse(r.categories) as Assessment['categories'],
    signals: JSON.parse(r.signals) as Assessment['signals'],
    gang_id: r.gang_id,
    recommended_action: r.recommended_action,
    rules_version: r.rules_version,
  }
}
