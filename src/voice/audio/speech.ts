// Voice activity detection with Silero VAD: only speech makes an embedding, never silence or
// hold music, and a side of a call with too little speech claims no match.
import { loadSherpa, sileroVadModelPath } from '../sherpa.js'
import { resample } from './resample.js'

export const VAD_SAMPLE_RATE = 16000
/** Below this much speech an embedding is too noisy to claim a match (CAM++ is trained on 3 s+). */
export const DEFAULT_MIN_SPEECH_SECONDS = 2

export type SpeechSpan = { startSeconds: number; endSeconds: number }

export type DetectedSpeech = {
  /** The speech alone, concatenated, at 16 kHz. */
  samples: Float32Array
  sampleRate: number
  spans: SpeechSpan[]
  speechSeconds: number
}

export function detectSpeech(samples: Float32Array, sampleRate: number): DetectedSpeech {
  const audio = resample(samples, sampleRate, VAD_SAMPLE_RATE)
  const { Vad } = loadSherpa()
  const vad = new Vad(
    {
      sileroVad: {
        model: sileroVadModelPath(),
        threshold: 0.5,
        minSilenceDuration: 0.25,
        minSpeechDuration: 0.25,
        windowSize: 512,
        maxSpeechDuration: 20,
      },
      sampleRate: VAD_SAMPLE_RATE,
      numThreads: 1,
      debug: false,
    },
    Math.max(30, audio.length / VAD_SAMPLE_RATE + 1),
  )
  const windowSize = 512
  const pieces: Float32Array[] = []
  const spans: SpeechSpan[] = []
  const drain = (): void => {
    while (!vad.isEmpty()) {
      const segment = vad.front(false)
      pieces.push(Float32Array.from(segment.samples))
      spans.push({
        startSeconds: segment.start / VAD_SAMPLE_RATE,
        endSeconds: (segment.start + segment.samples.length) / VAD_SAMPLE_RATE,
      })
      vad.pop()
    }
  }
  for (let at = 0; at < audio.length; at += windowSize) {
    vad.acceptWaveform(audio.subarray(at, at + windowSize))
    drain()
  }
  vad.flush()
  drain()
  const speech = concat(pieces)
  return {
    samples: speech,
    sampleRate: VAD_SAMPLE_RATE,
    spans,
    speechSeconds: speech.length / VAD_SAMPLE_RATE,
  }
}

function concat(pieces: Float32Array[]): Float32Array {
  const out = new Float32Array(pieces.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const piece of pieces) {
    out.set(piece, at)
    at += piece.length
  }
  return out
}
