// The voice API's shapes as the console reads them (src/server/routes/voice.routes.ts).
import type { Bilingual } from './types'

export type VoiceSegment = { start_seconds: number; end_seconds: number; side: string }

export type VoiceMatch = {
  finding_id: string
  code: string
  score: number
  threshold: number
  model: string
  found_at: string
  explanation: Bilingual | null
  matched: { kind: string; id: string; label?: string }[]
  segments: VoiceSegment[]
}

export type VoiceMatches = { items: VoiceMatch[]; playback: boolean }

export type AgentVoice = {
  agent_voice_id: string
  label: string
  model: string
  speech_seconds: number
  case_id: string | null
  source_contact_id: string | null
  added_by: string
  reason: string
  added_at: string
}
