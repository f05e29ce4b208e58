// Voice findings beside the detection index (like response findings): loaded from the store,
// read by the voice signals. The index's own shape belongs to detection proper.
import type { Context } from '../context.js'
import type { DetectionIndex } from './detection-index.js'

export type StoredVoiceFinding = {
  code: string
  score: number
  threshold: number
  matched: string[]
}

const byIndex = new WeakMap<DetectionIndex, Map<string, StoredVoiceFinding[]>>()

export function voiceFindingsOf(index: DetectionIndex): Map<string, StoredVoiceFinding[]> {
  let findings = byIndex.get(index)
  if (!findings) byIndex.set(index, (findings = new Map<string, StoredVoiceFinding[]>()))
  return findings
}

export async function loadVoiceFindings(ctx: Context, index: DetectionIndex): Promise<void> {
  const findings = voiceFindingsOf(index)
  const rows = await ctx.db
    .selectFrom('voice_findings')
    .select(['contact_id', 'code', 'score', 'threshold', 'matched'])
    .execute()
  for (const row of rows) {
    const list = findings.get(row.contact_id) ?? []
    list.push({
      code: row.code,
      score: row.score,
      threshold: row.threshold,
      matched: JSON.parse(row.matched) as string[],
    })
    findings.set(row.contact_id, list)
  }
}
