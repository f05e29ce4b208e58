// One side of a call -> its speech -> an embedding, or the reason there is none. Below the
// minimum speech duration no embedding is made, so no match can be claimed from it.
import { detectSpeech, DEFAULT_MIN_SPEECH_SECONDS } from '../audio/speech.js'
import type { SpeechSpan } from '../audio/speech.js'
import { resample } from '../audio/resample.js'
import type { CallAudio } from '../audio/wav.js'
import type { SpeakerEmbedder } from './speaker-embedder.js'

export type Voiceprint =
  | {
      status: 'embedded'
      embedding: Float32Array
      speechSeconds: number
      model: string
      /** Where the speech was in the recording, for playback of the segments behind a match. */
      spans: SpeechSpan[]
    }
  | { status: 'too_little_speech'; speechSeconds: number; minSpeechSeconds: number }

export type VoiceprintOptions = { channel?: number; minSpeechSeconds?: number }

export async function voiceprintOf(
  embedder: SpeakerEmbedder,
  audio: CallAudio,
  options: VoiceprintOptions = {},
): Promise<Voiceprint> {
  const channel = audio.channels[options.channel ?? 0]
  if (!channel) throw new RangeError(`the recording has no channel ${options.channel ?? 0}`)
  const minSpeechSeconds = options.minSpeechSeconds ?? minSpeechFromEnv()
  const speech = detectSpeech(channel, audio.sampleRate)
  if (speech.speechSeconds < minSpeechSeconds) {
    return { status: 'too_little_speech', speechSeconds: speech.speechSeconds, minSpeechSeconds }
  }
  const rate = embedder.model.sampleRate
  const embedding = await embedder.embed(resample(speech.samples, speech.sampleRate, rate), rate)
  return {
    status: 'embedded',
    embedding,
    speechSeconds: speech.speechSeconds,
    model: modelName(embedder),
    spans: speech.spans,
  }
}

function minSpeechFromEnv(): number {
  const value = Number(process.env.GRAYLINE_VOICE_MIN_SPEECH_SECONDS)
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MIN_SPEECH_SECONDS
}

/** The name a model's embeddings and thresholds are stored under: its file name. */
export function modelName(embedder: SpeakerEmbedder): string {
  return embedder.model.file.split('/').pop() ?? embedder.model.file
}
