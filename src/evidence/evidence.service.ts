// Evidence items of a case: added once (content-addressed, type-checked), read and exported with
// a line in the chain of custody each time, and verified end to end.
import { createHash } from 'node:crypto'
import type { Context } from '../context.js'
import { CaseError, notFound } from '../cases/case-error.js'
import { appendEvent, findCase } from '../cases/case.repository.js'
import type { CustodyAction, CustodyLine } from './custody-log.js'
import { appendCustody, custodyOf } from './custody-log.js'
import type { EvidenceStore } from './evidence-store.js'
import { sha256Of } from './evidence-store.js'
import type { EvidenceKind } from './evidence-kinds.js'
import { checkEvidenceFile } from './evidence-type.js'

export type EvidenceItem = {
  evidence_id: string
  case_id: string
  sha256: string
  size: number
  media_type: string
  kind: EvidenceKind
  filename: string
  description: string
  added_by: string
  added_at: string
}

export type NewEvidence = {
  bytes: Buffer
  filename: string
  kind: EvidenceKind
  description?: string
}

/** One id per file per case, derived from both: the same file added twice is the same item. */
export function evidenceIdOf(caseId: string, sha256: string): string {
  return `EV-${createHash('sha256').update(`${caseId}\u0000${sha256}`).digest('hex').slice(0, 16)}`
}

export async function addEvidence(
  ctx: Context,
  files: EvidenceStore,
  caseId: string,
  e: NewEvidence,
  actor: string,
): Promise<{ item: EvidenceItem; created: boolean }> {
  if (!(await findCase(ctx.db, caseId))) throw notFound('case', caseId)
  const media_type = checkEvidenceFile(e.bytes, e.kind)
  const sha256 = sha256Of(e.bytes)
  const evidence_id = evidenceIdOf(caseId, sha256)
  const existing = await findEvidence(ctx, evidence_id)
  if (existing) return { item: existing, created: false }
  // The file first: an item never points at bytes that are not stored.
  await files.put(sha256, e.bytes)
  const item: EvidenceItem = {
    evidence_id,
    case_id: caseId,
    sha256,
    size: e.bytes.length,
    media_type,
    kind: e.kind,
    filename: safeFilename(e.filename),
    description: (e.description ?? '').trim().slice(0, 2000),
    added_by: actor,
    added_at: ctx.clock.now().toISOString(),
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('evidence_items').values(item).execute()
    await appendCustody(trx, [
      custodyEntry(item, 'added', actor, item.added_at, { size: item.size }),
    ])
    await appendEvent(trx, caseId, {
      kind: 'evidence_added',
      actor,
      at: item.added_at,
      detail: { evidence_id, kind: e.kind, filename: item.filename, sha256 },
    })
    await trx
      .updateTable('cases')
      .set({ updated_at: item.added_at })
      .where('case_id', '=', caseId)
      .execute()
  })
  return { item, created: true }
}

/** Keeps the name a person gave, without paths or control characters. */
function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\x00-\x1f\x7f]/g, '')
    .trim()
    .slice(0, 200)
  return clean || 'evidence'
}

function custodyEntry(
  item: EvidenceItem,
  action: CustodyAction,
  actor: string,
  at: string,
  detail: Record<string, unknown> = {},
) {
  return {
    action,
    actor,
    at,
    evidence_id: item.evidence_id,
    case_id: item.case_id,
    sha256: item.sha256,
    detail,
  }
}

export async function findEvidence(ctx: Context, evidenceId: string): Promise<EvidenceItem | null> {
  const r = await ctx.db
    .selectFrom('evidence_items')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .executeTakeFirst()
  return r ? { ...r, size: Number(r.size), kind: r.kind as EvidenceKind } : null
}

export async function evidenceOfCase(ctx: Context, caseId: string): Promise<EvidenceItem[]> {
  const rows = await ctx.db
    .selectFrom('evidence_items')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('added_at')
    .orderBy('evidence_id')
    .execute()
  return rows.map((r) => ({ ...r, size: Number(r.size), kind: r.kind as EvidenceKind }))
}

export async function custodyOfCase(ctx: Context, caseId: string): Promise<CustodyLine[]> {
  const items = await evidenceOfCase(ctx, caseId)
  return custodyOf(
    ctx.db,
    items.map((i) => i.evidence_id),
  )
}

/** The file's bytes for a person to look at; the viewing is on the chain before they leave. */
export async function viewEvidence(
  ctx: Context,
  files: EvidenceStore,
  evidenceId: string,
  actor: string,
  purpose: string,
): Promise<{ item: EvidenceItem; bytes: Buffer }> {
  const item = await findEvidence(ctx, evidenceId)
  if (!item) throw notFound('evidence item', evidenceId)
  const bytes = await files.get(item.sha256)
  if (!bytes || sha256Of(bytes) !== item.sha256)
    throw new CaseError(
      'conflict',
      `the stored file of ${evidenceId} is missing or changed; run grayline evidence verify`,
    )
  await recordCustody(ctx, [item], 'viewed', actor, { purpose })
  return { item, bytes }
}

export async function recordCustody(
  ctx: Context,
  items: EvidenceItem[],
  action: CustodyAction,
  actor: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const at = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute((trx) =>
    appendCustody(
      trx,
      items.map((i) => custodyEntry(i, action, actor, at, detail)),
    ),
  )
}
