// Batch assessment: import the files (same validation and reject reports as `grayline import`),
// build the detection index from the history already stored, assess the new contacts and re-assess
// only the earlier ones they touch, store everything and write the spec's assessments.jsonl.
import type { Context } from '../context.js'
import type { Assessment, Contact, Customer, WatchlistEntry } from '../contract/index.js'
import { importFile } from '../intake/intake.service.js'
import type { ImportSummary } from '../intake/intake.service.js'
import type { PreparedRecord } from '../intake/prepared-record.js'
import type { CustomerOnFile } from './detection-index.js'
import { Detector } from './detector.js'
import type { ScoredAssessment } from './detector.js'
import { loadIndex } from './index-loader.js'
import { riskByContact, saveAssessments } from './assessment.repository.js'
import type { RuleSet } from './rules/rule-set.js'

export type AssessInput = {
  customers?: string
  contacts?: string
  watchlist?: string
  rules: RuleSet
  rejectDir?: string
}

export type AssessProgress = (stage: string, done: number, total: number) => void

export type AssessResult = {
  imports: ImportSummary[]
  historyContacts: number
  assessed: ScoredAssessment[]
  reassessedEarlier: number
  changedEarlier: number
  detector: Detector
}

export async function assessFiles(
  ctx: Context,
  input: AssessInput,
  progress?: AssessProgress,
): Promise<AssessResult> {
  const detector = new Detector(input.rules)
  const index = detector.index
  await loadIndex(ctx, index, (d, t) => progress?.('load history', d, t))
  const historyContacts = index.contacts.length
  const imports: ImportSummary[] = []
  const fresh: number[] = []
  const onProgress = (stage: string) => (p: { bytes: number; totalBytes: number }) =>
    progress?.(stage, p.bytes, p.totalBytes)
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
    const onBatch = (batch: PreparedRecord[]) =>
      batch.forEach((r) => fresh.push(index.addContact(JSON.parse(r.json) as Contact, r.links)))
    imports.push(
      await importFile(ctx, 'contacts', input.contacts, {
        rejectDir: input.rejectDir,
        onBatch,
        onProgress: onProgress('import contacts'),
      }),
    )
  }
  detector.invalidate()
  const targets =
    historyContacts === 0 || !input.contacts
      ? allIndices(index.contacts.length)
      : affected(detector, fresh)
  const freshIds = new Set(fresh.map((i) => index.contacts[i]?.contactId))
  const earlierIds = targets
    .map((i) => index.contacts[i]?.contactId ?? '')
    .filter((id) => !freshIds.has(id))
  const riskBefore = await riskByContact(ctx.db, earlierIds)
  const assessed = await assessAndStore(ctx, detector, targets, progress)
  const earlier = assessed.filter((a) => riskBefore.has(a.contact_id))
  return {
    imports,
    historyContacts,
    assessed: input.contacts ? assessed.filter((a) => freshIds.has(a.contact_id)) : assessed,
    reassessedEarlier: earlier.length,
    changedEarlier: earlier.filter((a) => riskBefore.get(a.contact_id) !== a.risk).length,
    detector,
  }
}

function customerOnFile(r: PreparedRecord): CustomerOnFile {
  const c = JSON.parse(r.json) as Customer
  return {
    customerId: c.customer_id,
    nameKey: (r.columns.name_key as string | null) ?? null,
    identifiers: r.links.map((l) => l.identifier),
  }
}

async function reloadWatchlist(ctx: Context, detector: Detector): Promise<void> {
  const rows = await ctx.db.selectFrom('watchlist').select('record').execute()
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
  progress?: AssessProgress,
): Promise<ScoredAssessment[]> {
  const out: ScoredAssessment[] = []
  const now = ctx.clock.now().toISOString()
  let batch: ScoredAssessment[] = []
  for (const i of targets) {
    const a = detector.assess(i)
    out.push(a)
    batch.push(a)
    if (batch.length >= 5000) {
      await saveAssessments(ctx.db, batch, now)
      batch = []
      progress?.('assess', out.length, targets.length)
    }
  }
  await saveAssessments(ctx.db, batch, now)
  progress?.('assess', out.length, targets.length)
  return out
}

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
