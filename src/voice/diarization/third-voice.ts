// A third voice on the line: more speakers on one side of a call than that side should have (the
// customer's side: one), as agencies sit in on three-way calls and prompt or speak for the
// borrower. The finding names how many extra voices, how alike the closest one is to the main
// speaker against the threshold, and the segments where they spoke, for a person to listen to.
import type { Context } from '../../context.js'
import type { CallAudio } from '../audio/wav.js'
import { thresholdInForce } from '../calibration/voice-thresholds.js'
import { modelName } from '../embedding/call-voiceprint.js'
import type { SpeakerEmbedder } from '../embedding/speaker-embedder.js'
import { storeVoiceFindings } from '../library/voice-findings.js'
import type { VoiceFinding } from '../library/voice-findings.js'
import { diarize, speakerSimilarity } from './diarize.js'
import type { DiarizationOptions } from './diarize.js'

export type ThirdVoiceCheck = {
  contactId: string
  audio: CallAudio
  /** The channel of the side to check (stereo: one per side); 0 for mono. */
  channel?: number
  side?: 'caller' | 'agent'
  expectedSpeakers?: number
  /** Overrides the threshold in force for the model. */
  threshold?: number
} & Omit<DiarizationOptions, 'threshold'>

export async function checkThirdVoice(
  ctx: Context,
  embedder: SpeakerEmbedder,
  input: ThirdVoiceCheck,
): Promise<VoiceFinding | null> {
  const model = modelName(embedder)
  const threshold = input.threshold ?? (await thresholdOf(ctx, model))
  if (threshold === null) return null
  const samples = input.audio.channels[input.channel ?? 0]
  if (!samples) throw new RangeError(`the recording has no channel ${input.channel ?? 0}`)
  const { speakers } = await diarize(embedder, samples, input.audio.sampleRate, {
    ...input,
    threshold,
  })
  const expected = input.expectedSpeakers ?? 1
  const [main] = speakers
  const extra = speakers.slice(expected)
  if (!main || !extra.length) return null
  const side = input.side ?? 'caller'
  const finding: VoiceFinding = {
    code: 'voice_third_voice',
    score: Math.max(...extra.map((s) => speakerSimilarity(s, main))),
    threshold,
    matched: extra.map((s, i) => `speaker ${expected + i + 1}: ${s.speechSeconds.toFixed(1)} s`),
    segments: extra.flatMap((s) => s.segments.map((span) => ({ ...span, side }))),
  }
  await storeVoiceFindings(ctx, input.contactId, model, [finding])
  return finding
}

async function thresholdOf(ctx: Context, model: string): Promise<number | null> {
  const inForce = await thresholdInForce(ctx, model)
  if (inForce.source !== 'none') return inForce.threshold
  ctx.log.warn(`third-voice check not made: ${inForce.reason}`)
  return null
}
