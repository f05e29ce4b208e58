// Kysely table interfaces of the voice library. Embeddings are base64 little-endian float32.
export type VoiceConsentTable = {
  consent_id: string
  customer_id: string
  channel: string
  evidence: string
  recorded_by: string
  given_at: string
  withdrawn_at: string | null
}

export type VoiceEnrolmentTable = {
  enrolment_id: string
  customer_id: string
  consent_id: string
  model: string
  embedding: string
  speech_ms: number
  enrolled_by: string
  enrolled_at: string
}

export type VoiceAgentTable = {
  agent_voice_id: string
  label: string
  model: string
  embedding: string
  speech_ms: number
  case_id: string | null
  source_contact_id: string | null
  added_by: string
  reason: string
  added_at: string
}

export type CallVoiceTable = {
  call_voice_id: string
  contact_id: string
  claimed_customer_id: string | null
  side: string
  model: string
  embedding: string
  speech_ms: number
  recorded_at: string
  expires_at: string
  /** JSON [{ startSeconds, endSeconds }]: where the speech was in the recording (0011). */
  speech_spans: string | null
}

export type VoiceFindingTable = {
  finding_id: string
  contact_id: string
  code: string
  score: number
  threshold: number
  model: string
  /** JSON: the library entries matched (agent voice ids, or contact and customer ids). */
  matched: string
  found_at: string
  /** JSON [{ startSeconds, endSeconds, side }]: the segments behind the finding (0011). */
  segments: string | null
}

/** A calibration stored with the model it holds for; the latest per model is in force (0011). */
export type VoiceThresholdTable = {
  threshold_id: string
  model: string
  model_sha256: string | null
  threshold: number
  target_fmr: number
  fmr: number
  fnmr: number
  eer: number
  eer_threshold: number
  trials_same: number
  trials_different: number
  trials_source: string
  calibrated_by: string
  calibrated_at: string
}
