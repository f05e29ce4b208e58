// The voice library: customers' enrolments (only with a consent record), known agent voices
// (with who added them and why), and callers' embeddings kept for a retention period. Only
// embeddings are stored; raw audio is never needed after extraction and never kept here.
import { randomUUID } from 'node:crypto'
import type { Context } from '../../context.js'
import { decodeEmbedding, encodeEmbedding } from './embedding-codec.js'
import { noteRemoved, noteStored } from './library-indexes.js'

export type StoredVoiceprint = { embedding: Float32Array; speechSeconds: number; model: string }

export class VoiceConsentError extends Error {
  readonly code = 'voice_consent_missing'
  constructor(readonly customerId: string) {
    super(`customer ${customerId} has no standing consent to voice enrolment: record one first`)
    this.name = 'VoiceConsentError'
  }
}

export const DEFAULT_CALL_VOICE_RETENTION_DAYS = 90

export type ConsentInput = {
  customerId: string
  channel: string
  evidence: string
  recordedBy: string
}

export async function recordVoiceConsent(ctx: Context, input: ConsentInput): Promise<string> {
  const consentId = `vc_${randomUUID()}`
  await ctx.db
    .insertInto('voice_consents')
    .values({
      consent_id: consentId,
      customer_id: input.customerId,
      channel: input.channel,
      evidence: input.evidence,
      recorded_by: input.recordedBy,
      given_at: ctx.clock.now().toISOString(),
      withdrawn_at: null,
    })
    .execute()
  return consentId
}

export type EnrolInput = {
  customerId: string
  consentId: string
  voiceprint: StoredVoiceprint
  enrolledBy: string
}

export async function enrolCustomerVoice(ctx: Context, input: EnrolInput): Promise<string> {
  const consent = await ctx.db
    .selectFrom('voice_consents')
    .select('consent_id')
    .where('consent_id', '=', input.consentId)
    .where('customer_id', '=', input.customerId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst()
  if (!consent) throw new VoiceConsentError(input.customerId)
  const enrolmentId = `ve_${randomUUID()}`
  await ctx.db
    .insertInto('voice_enrolments')
    .values({
      enrolment_id: enrolmentId,
      customer_id: input.customerId,
      consent_id: input.consentId,
      ...stored(input.voiceprint),
      enrolled_by: input.enrolledBy,
      enrolled_at: ctx.clock.now().toISOString(),
    })
    .execute()
  return enrolmentId
}

export type AgentVoiceInput = {
  label: string
  voiceprint: StoredVoiceprint
  addedBy: string
  reason: string
  caseId?: string
  sourceContactId?: string
}

export async function addAgentVoice(ctx: Context, input: AgentVoiceInput): Promise<string> {
  if (!input.reason.trim())
    throw new RangeError('a known agent voice needs the reason it was added')
  const agentVoiceId = `va_${randomUUID()}`
  await ctx.db
    .insertInto('voice_agents')
    .values({
      agent_voice_id: agentVoiceId,
      label: input.label,
      ...stored(input.voiceprint),
      case_id: input.caseId ?? null,
      source_contact_id: input.sourceContactId ?? null,
      added_by: input.addedBy,
      reason: input.reason,
      added_at: ctx.clock.now().toISOString(),
    })
    .execute()
  const { model, embedding } = input.voiceprint
  await noteStored(ctx, 'agents', model, agentVoiceId, embedding)
  return agentVoiceId
}

/** Takes a voice out of the known agents (a wrong attribution, a case closed). */
export async function removeAgentVoice(ctx: Context, agentVoiceId: string): Promise<boolean> {
  const deleted = await ctx.db
    .deleteFrom('voice_agents')
    .where('agent_voice_id', '=', agentVoiceId)
    .executeTakeFirst()
  await noteRemoved(ctx, 'agents', [agentVoiceId])
  return Number(deleted.numDeletedRows) > 0
}

export type CallVoiceInput = {
  contactId: string
  claimedCustomerId?: string
  side: 'caller' | 'agent'
  voiceprint: StoredVoiceprint
  retentionDays?: number
  /** Where the speech was in the recording, for playback of the segments behind a match. */
  spans?: { startSeconds: number; endSeconds: number }[]
}

export async function recordCallVoice(ctx: Context, input: CallVoiceInput): Promise<string> {
  const now = ctx.clock.now()
  const days = input.retentionDays ?? retentionDaysFromEnv()
  const callVoiceId = `cv_${randomUUID()}`
  await ctx.db
    .insertInto('call_voices')
    .values({
      call_voice_id: callVoiceId,
      contact_id: input.contactId,
      claimed_customer_id: input.claimedCustomerId ?? null,
      side: input.side,
      ...stored(input.voiceprint),
      recorded_at: now.toISOString(),
      expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
      speech_spans: input.spans ? JSON.stringify(input.spans) : null,
    })
    .execute()
  if (input.side === 'caller' && input.claimedCustomerId)
    await noteStored(ctx, 'calls', input.voiceprint.model, callVoiceId, input.voiceprint.embedding)
  return callVoiceId
}

/** The scheduled purge: call embeddings past their retention. Returns how many were deleted. */
export async function purgeExpiredCallVoices(ctx: Context): Promise<number> {
  const now = ctx.clock.now().toISOString()
  const expired = await ctx.db
    .selectFrom('call_voices')
    .select('call_voice_id')
    .where('expires_at', '<=', now)
    .execute()
  if (!expired.length) return 0
  // New rows expire in the future, so this deletes exactly the rows just listed.
  const result = await ctx.db
    .deleteFrom('call_voices')
    .where('expires_at', '<=', now)
    .executeTakeFirst()
  await noteRemoved(
    ctx,
    'calls',
    expired.map((r) => r.call_voice_id),
  )
  return Number(result.numDeletedRows)
}

export type CustomerVoiceDeletion = { enrolments: number; callVoices: number }

/**
 * Deletion on the customer's request: enrolments go, consents are marked withdrawn, and the
 * callers' embeddings of calls made in the customer's name go too (the voice may have been
 * theirs). Findings stay: they hold scores and ids, no voiceprint.
 */
export async function deleteCustomerVoice(
  ctx: Context,
  customerId: string,
): Promise<CustomerVoiceDeletion> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('voice_enrolments')
      .where('customer_id', '=', customerId)
      .executeTakeFirst()
    await trx
      .updateTable('voice_consents')
      .set({ withdrawn_at: ctx.clock.now().toISOString() })
      .where('customer_id', '=', customerId)
      .where('withdrawn_at', 'is', null)
      .execute()
    const calls = await trx
      .selectFrom('call_voices')
      .select('call_voice_id')
      .where('claimed_customer_id', '=', customerId)
      .execute()
    await trx.deleteFrom('call_voices').where('claimed_customer_id', '=', customerId).execute()
    return {
      enrolments: Number(deleted.numDeletedRows),
      callIds: calls.map((c) => c.call_voice_id),
    }
  })
  await noteRemoved(ctx, 'calls', result.callIds)
  return { enrolments: result.enrolments, callVoices: result.callIds.length }
}

function stored(voiceprint: StoredVoiceprint): {
  model: string
  embedding: string
  speech_ms: number
} {
  return {
    model: voiceprint.model,
    embedding: encodeEmbedding(voiceprint.embedding),
    speech_ms: Math.round(voiceprint.speechSeconds * 1000),
  }
}

function retentionDaysFromEnv(): number {
  const days = Number(process.env.GRAYLINE_VOICE_RETENTION_DAYS)
  return Number.isFinite(days) && days > 0 ? days : DEFAULT_CALL_VOICE_RETENTION_DAYS
}

export class NoCallVoiceError extends Error {
  readonly code = 'voice_not_kept'
  constructor(readonly contactId: string) {
    super(`contact ${contactId} has no caller's voice kept (none recorded, or past its retention)`)
    this.name = 'NoCallVoiceError'
  }
}

export type AgentFromCallInput = Omit<AgentVoiceInput, 'voiceprint' | 'sourceContactId'> & {
  contactId: string
}

/** A known agent voice from the caller's embedding kept for a call: no audio needed. */
export async function addAgentVoiceFromCall(
  ctx: Context,
  input: AgentFromCallInput,
): Promise<string> {
  const call = await ctx.db
    .selectFrom('call_voices')
    .select(['model', 'embedding', 'speech_ms'])
    .where('contact_id', '=', input.contactId)
    .where('side', '=', 'caller')
    .where('expires_at', '>', ctx.clock.now().toISOString())
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst()
  if (!call) throw new NoCallVoiceError(input.contactId)
  const voiceprint = {
    model: call.model,
    embedding: decodeEmbedding(call.embedding),
    speechSeconds: call.speech_ms / 1000,
  }
  return addAgentVoice(ctx, { ...input, voiceprint, sourceContactId: input.contactId })
}
