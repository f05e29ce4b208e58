// What the voice library says about one contact, for people to review: each finding with its
// score, the threshold it was held to and the model, what it matched (agent voices by label),
// and the segments of the recording behind it. Never an embedding.
import type { Context } from '../../context.js'

export type FindingSegment = { startSeconds: number; endSeconds: number; side: string }

export type VoiceMatch = {
  findingId: string
  code: string
  score: number
  threshold: number
  model: string
  foundAt: string
  matched: {
    kind: 'agent_voice' | 'contact' | 'customer' | 'segment'
    id: string
    label?: string
  }[]
  segments: FindingSegment[]
}

const MATCHED_KIND: Record<string, VoiceMatch['matched'][number]['kind']> = {
  voice_known_agent: 'agent_voice',
  voice_many_borrowers: 'contact',
  voice_not_customer: 'customer',
}

export async function voiceMatchesOf(ctx: Context, contactId: string): Promise<VoiceMatch[]> {
  const rows = await ctx.db
    .selectFrom('voice_findings')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('found_at')
    .orderBy('finding_id')
    .execute()
  const agentIds = rows
    .filter((r) => r.code === 'voice_known_agent')
    .flatMap((r) => JSON.parse(r.matched) as string[])
  const labels = new Map(
    agentIds.length
      ? (
          await ctx.db
            .selectFrom('voice_agents')
            .select(['agent_voice_id', 'label'])
            .where('agent_voice_id', 'in', agentIds)
            .execute()
        ).map((a) => [a.agent_voice_id, a.label])
      : [],
  )
  return rows.map((r) => ({
    findingId: r.finding_id,
    code: r.code,
    score: r.score,
    threshold: r.threshold,
    model: r.model,
    foundAt: r.found_at,
    matched: (JSON.parse(r.matched) as string[]).map((id) => ({
      kind: MATCHED_KIND[r.code] ?? 'segment',
      id,
      ...(labels.has(id) ? { label: labels.get(id) } : {}),
    })),
    segments: r.segments ? (JSON.parse(r.segments) as FindingSegment[]) : [],
  }))
}

/** One segment of a contact's findings, by its place in the list the API showed. */
export async function segmentOf(
  ctx: Context,
  contactId: string,
  findingId: string,
  index: number,
): Promise<FindingSegment | null> {
  const row = await ctx.db
    .selectFrom('voice_findings')
    .select('segments')
    .where('contact_id', '=', contactId)
    .where('finding_id', '=', findingId)
    .executeTakeFirst()
  const segments = row?.segments ? (JSON.parse(row.segments) as FindingSegment[]) : []
  return segments[index] ?? null
}

export type AgentVoiceSummary = {
  agentVoiceId: string
  label: string
  model: string
  speechSeconds: number
  caseId: string | null
  sourceContactId: string | null
  addedBy: string
  reason: string
  addedAt: string
}

export async function listAgentVoices(ctx: Context): Promise<AgentVoiceSummary[]> {
  const rows = await ctx.db
    .selectFrom('voice_agents')
    .select([
      'agent_voice_id',
      'label',
      'model',
      'speech_ms',
      'case_id',
      'source_contact_id',
      'added_by',
      'reason',
      'added_at',
    ])
    .orderBy('added_at', 'desc')
    .orderBy('agent_voice_id')
    .execute()
  return rows.map((r) => ({
    agentVoiceId: r.agent_voice_id,
    label: r.label,
    model: r.model,
    speechSeconds: r.speech_ms / 1000,
    caseId: r.case_id,
    sourceContactId: r.source_contact_id,
    addedBy: r.added_by,
    reason: r.reason,
    addedAt: r.added_at,
  }))
}
