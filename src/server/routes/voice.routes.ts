// Voiceprints in the console: a contact's voice matches with scores and explanations, playback of
// the recording's segments behind them (audited), the agent voice library (admin: list, add from
// a call with who and why, remove) and deletion of a customer's voiceprint on request. The
// response schemas are the allow-list: no embedding ever leaves the server.
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { can } from '../../access/index.js'
import { explainVoiceFinding } from '../../detect/signals/voice-match.js'
import {
  recordingSegmentWav,
  RecordingUnavailableError,
} from '../../voice/audio/recording-segment.js'
import {
  addAgentVoiceFromCall,
  forgetCustomerVoice,
  listAgentVoices,
  NoCallVoiceError,
  removeAgentVoice,
  segmentOf,
  voiceMatchesOf,
} from '../../voice/library/index.js'
import type { VoiceMatch } from '../../voice/library/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'
import type { VoiceServices } from '../voice-services.js'

const tags = ['voice']
const id = z.string().min(1).max(128)
const segmentParams = z.object({ id, finding: id, n: z.coerce.number().int().min(0).max(999) })
const reasonBody = z.object({ reason: z.string().trim().min(1).max(500) })
const agentBody = z.object({
  contact_id: id,
  label: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(1).max(500),
  case_id: id.optional(),
})

const segment = z.object({ start_seconds: z.number(), end_seconds: z.number(), side: z.string() })
const match = z.object({
  finding_id: z.string(),
  code: z.string(),
  score: z.number(),
  threshold: z.number(),
  model: z.string(),
  found_at: z.string(),
  explanation: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
  matched: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string().optional() })),
  segments: z.array(segment),
})
const matchesReply = z.object({ items: z.array(match), playback: z.boolean() })
const agentVoice = z.object({
  agent_voice_id: z.string(),
  label: z.string(),
  model: z.string(),
  speech_seconds: z.number(),
  case_id: z.string().nullable(),
  source_contact_id: z.string().nullable(),
  added_by: z.string(),
  reason: z.string(),
  added_at: z.string(),
})

function presentMatch(m: VoiceMatch): z.infer<typeof match> {
  const why = explainVoiceFinding({ ...m, matched: m.matched.map((x) => x.id) })
  return {
    finding_id: m.findingId,
    code: m.code,
    score: m.score,
    threshold: m.threshold,
    model: m.model,
    found_at: m.foundAt,
    explanation: why ? { 'zh-CN': why.zh, en: why.en } : null,
    matched: m.matched,
    segments: m.segments.map((s) => ({
      start_seconds: s.startSeconds,
      end_seconds: s.endSeconds,
      side: s.side,
    })),
  }
}

type Audit = (
  request: FastifyRequest,
  action: string,
  target: [string, string],
  detail: Record<string, unknown>,
) => void

export function voiceRoutes(app: Api, deps: ServerDeps, voice: VoiceServices): void {
  const audit: Audit = (request, action, [kind, targetId], detail) => {
    const p = principalOrThrow(request)
    deps.audit.record({
      actor: p.name,
      actor_role: p.role,
      action,
      target_kind: kind,
      target_id: targetId,
      detail,
      ip: request.ip,
    })
  }

  app.get(
    '/api/contacts/:id/voice',
    {
      schema: { params: z.object({ id }), response: { 200: matchesReply }, tags },
      preHandler: requirePermission('voice:read'),
    },
    async (request) => {
      const matches = await voiceMatchesOf(deps.ctx, request.params.id)
      const p = principalOrThrow(request)
      audit(request, 'voice.matches.view', ['contact', request.params.id], {
        findings: matches.length,
      })
      const playback = voice.recordingsDir !== null && can(p.role, 'voice:play')
      return { items: matches.map(presentMatch), playback }
    },
  )

  app.get(
    '/api/contacts/:id/voice/:finding/segments/:n',
    { schema: { params: segmentParams, tags }, preHandler: requirePermission('voice:play') },
    async (request, reply) => {
      const { id: contactId, finding, n } = request.params
      const seg = await segmentOf(deps.ctx, contactId, finding, n)
      if (!seg) throw new HttpProblem('not-found', `finding ${finding} has no segment ${n}`)
      let wav: Buffer
      try {
        wav = await recordingSegmentWav(voice.recordingsDir, contactId, seg)
      } catch (err) {
        if (err instanceof RecordingUnavailableError)
          throw new HttpProblem('not-found', err.message)
        throw err
      }
      audit(request, 'voice.segment.play', ['contact', contactId], { finding, segment: n, ...seg })
      await deps.audit.flush()
      return reply.type('audio/wav').header('cache-control', 'no-store').send(wav)
    },
  )

  agentLibraryRoutes(app, deps, audit)
}

function agentLibraryRoutes(app: Api, deps: ServerDeps, audit: Audit): void {
  const manage = { preHandler: requirePermission('voice:manage') }

  app.get(
    '/api/voice/agents',
    { schema: { response: { 200: z.object({ items: z.array(agentVoice) }) }, tags }, ...manage },
    async () => ({
      items: (await listAgentVoices(deps.ctx)).map((a) => ({
        agent_voice_id: a.agentVoiceId,
        label: a.label,
        model: a.model,
        speech_seconds: a.speechSeconds,
        case_id: a.caseId,
        source_contact_id: a.sourceContactId,
        added_by: a.addedBy,
        reason: a.reason,
        added_at: a.addedAt,
      })),
    }),
  )

  app.post(
    '/api/voice/agents',
    {
      schema: {
        body: agentBody,
        response: { 201: z.object({ agent_voice_id: z.string() }) },
        tags,
      },
      ...manage,
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const b = request.body
      const input = { contactId: b.contact_id, label: b.label, reason: b.reason, caseId: b.case_id }
      const agentVoiceId = await addAgentVoiceFromCall(deps.ctx, {
        ...input,
        addedBy: p.name,
      }).catch((err: unknown) => {
        if (err instanceof NoCallVoiceError) throw new HttpProblem('not-found', err.message)
        throw err
      })
      audit(request, 'voice.agent.add', ['agent_voice', agentVoiceId], { ...input })
      return reply.code(201).send({ agent_voice_id: agentVoiceId })
    },
  )

  app.delete(
    '/api/voice/agents/:id',
    { schema: { params: z.object({ id }), body: reasonBody, tags }, ...manage },
    async (request, reply) => {
      if (!(await removeAgentVoice(deps.ctx, request.params.id)))
        throw new HttpProblem('not-found', `no agent voice ${request.params.id}`)
      audit(request, 'voice.agent.remove', ['agent_voice', request.params.id], {
        reason: request.body.reason,
      })
      return reply.code(204).send()
    },
  )

  app.delete(
    '/api/voice/customers/:id',
    {
      schema: {
        params: z.object({ id }),
        body: reasonBody,
        response: { 200: z.object({ enrolments: z.number(), call_voices: z.number() }) },
        tags,
      },
      ...manage,
    },
    async (request) => {
      const p = principalOrThrow(request)
      const deleted = await forgetCustomerVoice(deps.ctx, deps.audit, {
        customerId: request.params.id,
        reason: request.body.reason,
        actor: { name: p.name, role: p.role, ip: request.ip },
      })
      return { enrolments: deleted.enrolments, call_voices: deleted.callVoices }
    },
  )
}
