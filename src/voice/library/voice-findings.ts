// What one caller's voice shows, against a calibrated threshold (see `grayline voice calibrate`):
// not the enrolled customer who is claimed, a known agent, or one voice calling as several
// borrowers. Each finding keeps its score, the threshold and what it matched, for people to review.
import { randomUUID } from 'node:crypto'
import type { Context } from '../../context.js'
import { thresholdInForce } from '../calibration/voice-thresholds.js'
import type { StoredVoiceprint } from './voice-library.service.js'
import { recordCallVoice } from './voice-library.service.js'
import { agentVoiceIndex, callsWithVoice, scoreAgainstEnrolment } from './voice-search.js'

export const VOICE_FINDING_CODES = [
  'voice_not_customer',
  'voice_known_agent',
  'voice_many_borrowers',
  'voice_third_voice',
] as const
export type VoiceFindingCode = (typeof VOICE_FINDING_CODES)[number]

export type FindingSpan = { startSeconds: number; endSeconds: number; side: string }

export type VoiceFinding = {
  code: VoiceFindingCode
  score: number
  threshold: number
  matched: string[]
  /** Where in the recording the voice behind the finding spoke. */
  segments?: FindingSpan[]
}

export type CallVoiceCheck = {
  contactId: string
  claimedCustomerId?: string
  voiceprint: StoredVoiceprint
  /** Overrides the threshold in force for the model (see calibration/voice-thresholds.ts). */
  threshold?: number
  /** Where the caller's speech was in the recording, kept for playback of these segments. */
  spans?: { startSeconds: number; endSeconds: number }[]
}

/**
 * Checks a caller's voice, keeps its embedding for the retention period and stores the findings.
 * With no threshold in force for the model, the embedding is kept and nothing is claimed.
 */
export async function checkCallerVoice(
  ctx: Context,
  input: CallVoiceCheck,
): Promise<VoiceFinding[]> {
  const { model } = input.voiceprint
  let threshold = input.threshold
  if (threshold === undefined) {
    const inForce = await thresholdInForce(ctx, model)
    if (inForce.source === 'none') ctx.log.warn(`voice findings not claimed: ${inForce.reason}`)
    else threshold = inForce.threshold
  }
  const segments = input.spans?.map((s) => ({ ...s, side: 'caller' }))
  const findings = threshold === undefined ? [] : await findingsOf(ctx, input, threshold)
  await recordCallVoice(ctx, { ...input, side: 'caller' })
  const withSegments = findings.map((f) => ({ ...f, segments }))
  await storeVoiceFindings(ctx, input.contactId, model, withSegments)
  return withSegments
}

async function findingsOf(
  ctx: Context,
  input: CallVoiceCheck,
  threshold: number,
): Promise<VoiceFinding[]> {
  const { embedding, model } = input.voiceprint
  const findings: VoiceFinding[] = []
  if (input.claimedCustomerId) {
    const score = await scoreAgainstEnrolment(ctx, input.claimedCustomerId, embedding, model)
    if (score !== null && score < threshold) {
      findings.push({
        code: 'voice_not_customer',
        score,
        threshold,
        matched: [input.claimedCustomerId],
      })
    }
  }
  const agents = await agentVoiceIndex(ctx, model, embedding.length)
  const agent = agents.search(embedding, 1, threshold)[0]
  if (agent)
    findings.push({
      code: 'voice_known_agent',
      ...agent,
      threshold,
      matched: [agent.id],
    })
  const others = (await callsWithVoice(ctx, embedding, model, threshold)).filter(
    (c) => c.claimedCustomerId !== input.claimedCustomerId,
  )
  const borrowers = new Set(others.map((c) => c.claimedCustomerId))
  if (borrowers.size >= 1 && others[0]) {
    const matched = others.map((c) => c.contactId)
    findings.push({ code: 'voice_many_borrowers', score: others[0].score, threshold, matched })
  }
  return findings
}

export async function storeVoiceFindings(
  ctx: Context,
  contactId: string,
  model: string,
  findings: VoiceFinding[],
): Promise<void> {
  if (!findings.length) return
  const foundAt = ctx.clock.now().toISOString()
  await ctx.db
    .insertInto('voice_findings')
    .values(
      findings.map((f) => ({
        finding_id: `vf_${randomUUID()}`,
        contact_id: contactId,
        code: f.code,
        score: f.score,
        threshold: f.threshold,
        model,
        matched: JSON.stringify(f.matched),
        found_at: foundAt,
        segments: f.segments ? JSON.stringify(f.segments) : null,
      })),
    )
    .execute()
}
