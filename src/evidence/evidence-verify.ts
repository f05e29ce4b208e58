// `grayline evidence verify`: the chain of custody unbroken, every item added on the chain with its
// own hash, and every stored file still hashing to its name.
import type { Context } from '../context.js'
import type { ChainProblem } from './custody-log.js'
import { verifyChain } from './custody-log.js'
import type { EvidenceStore } from './evidence-store.js'
import { sha256Of } from './evidence-store.js'

export type EvidenceVerification = {
  ok: boolean
  lines: number
  items: number
  files_checked: number
  problems: ChainProblem[]
}

export async function verifyEvidence(
  ctx: Context,
  files: EvidenceStore,
  o: { caseId?: string } = {},
): Promise<EvidenceVerification> {
  const chain = await verifyChain(ctx.db)
  const problems = [...chain.problems]
  let q = ctx.db.selectFrom('evidence_items').selectAll().orderBy('evidence_id')
  if (o.caseId) q = q.where('case_id', '=', o.caseId)
  const items = await q.execute()
  const added = await addedLines(
    ctx,
    items.map((i) => i.evidence_id),
  )
  for (const item of items) {
    const at = { seq: null, evidence_id: item.evidence_id }
    const line = added.get(item.evidence_id)
    if (!line)
      problems.push({
        ...at,
        message: `${item.evidence_id} has no "added" line in the chain of custody`,
      })
    else if (line.sha256 !== item.sha256)
      problems.push({
        seq: line.seq,
        evidence_id: item.evidence_id,
        message: `${item.evidence_id} now names file ${item.sha256.slice(0, 12)}…, but it was added as ${line.sha256.slice(0, 12)}… (line ${line.seq})`,
      })
    const bytes = await files.get(item.sha256)
    if (!bytes)
      problems.push({
        ...at,
        message: `the file of ${item.evidence_id} (${item.sha256}) is missing from ${files.location}`,
      })
    else if (sha256Of(bytes) !== item.sha256)
      problems.push({
        ...at,
        message: `the file of ${item.evidence_id} was changed: it should hash to ${item.sha256} but hashes to ${sha256Of(bytes)}`,
      })
  }
  return {
    ok: problems.length === 0,
    lines: chain.lines,
    items: items.length,
    files_checked: items.length,
    problems,
  }
}

async function addedLines(ctx: Context, ids: string[]) {
  const out = new Map<string, { seq: number; sha256: string }>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('custody_log')
      .select(['evidence_id', 'seq', 'sha256'])
      .where('action', '=', 'added')
      .where('evidence_id', 'in', ids.slice(i, i + 500))
      .orderBy('seq')
      .execute()
    for (const r of rows)
      if (!out.has(r.evidence_id)) out.set(r.evidence_id, { seq: Number(r.seq), sha256: r.sha256 })
  }
  return out
}
