// Who spoke when on one side of a call, without a segmentation model (none can be obtained
// here): the speech Silero VAD finds is cut into short overlapping windows, each embedded with the
// speaker model, and the windows clustered (clustering.ts). Speakers with too little speech are
// not counted: a cough or a word of crosstalk is not a third person on the line.
import { resample } from '../audio/resample.js'
import { detectSpeech, VAD_SAMPLE_RATE } from '../audio/speech.js'
import type { SpeechSpan } from '../audio/speech.js'
import type { SpeakerEmbedder } from '../embedding/speaker-embedder.js'
import { cosine } from '../library/cosine.js'
import { clusterWindows } from './clustering.js'

export type DiarizationOptions = {
  /** Same-speaker threshold for window embeddings (calibrate on windows of this length). */
  threshold: number
  windowSeconds?: number
  hopSeconds?: number
  /** A speaker counts with at least this much speech. */
  minSpeakerSeconds?: number
}

export type Speaker = { speechSeconds: number; segments: SpeechSpan[]; windows: Float32Array[] }
export type Diarization = { speakers: Speaker[]; windows: number }

// Clustering compares every pair of windows: past this many windows the hop grows instead.
const MAX_WINDOWS = 400

type Window = { span: SpeechSpan; samples: Float32Array }

export async function diarize(
  embedder: SpeakerEmbedder,
  samples: Float32Array,
  sampleRate: number,
  o: DiarizationOptions,
): Promise<Diarization> {
  const speech = detectSpeech(samples, sampleRate)
  const audio = resample(samples, sampleRate, VAD_SAMPLE_RATE)
  const windows = windowsOf(audio, speech.spans, speech.speechSeconds, o)
  const rate = embedder.model.sampleRate
  const embeddings: Float32Array[] = []
  for (const w of windows)
    embeddings.push(await embedder.embed(resample(w.samples, VAD_SAMPLE_RATE, rate), rate))
  const labels = clusterWindows(embeddings, o.threshold)
  const speakers = speakersOf(windows, embeddings, labels)
  const min = o.minSpeakerSeconds ?? 1
  return {
    speakers: speakers
      .filter((s) => s.speechSeconds >= min)
      .sort((a, b) => b.speechSeconds - a.speechSeconds),
    windows: windows.length,
  }
}

function windowsOf(
  audio: Float32Array,
  spans: SpeechSpan[],
  speechSeconds: number,
  o: DiarizationOptions,
): Window[] {
  const size = o.windowSeconds ?? 1
  const hop = Math.max(o.hopSeconds ?? 0.5, speechSeconds / MAX_WINDOWS)
  const out: Window[] = []
  for (const span of spans) {
    const length = span.endSeconds - span.startSeconds
    // A span shorter than a window but long enough to say something is one window of its own.
    const starts =
      length < size
        ? length >= size * 0.6
          ? [span.startSeconds]
          : []
        : Array.from(
            { length: Math.floor((length - size) / hop) + 1 },
            (_, i) => span.startSeconds + i * hop,
          )
    for (const start of starts) {
      const end = Math.min(span.endSeconds, start + size)
      const from = Math.round(start * VAD_SAMPLE_RATE)
      const to = Math.round(end * VAD_SAMPLE_RATE)
      out.push({
        span: { startSeconds: start, endSeconds: end },
        samples: audio.slice(from, to),
      })
    }
  }
  return out
}

/** Each cluster as a speaker: its windows merged into segments, its speech and its windows' embeddings. */
function speakersOf(windows: Window[], embeddings: Float32Array[], labels: number[]): Speaker[] {
  const count = Math.max(0, ...labels.map((l) => l + 1))
  return Array.from({ length: count }, (_, speaker) => {
    const mine = windows.filter((_, i) => labels[i] === speaker)
    const segments = mergeSpans(mine.map((w) => w.span))
    const speechSeconds = segments.reduce((s, x) => s + x.endSeconds - x.startSeconds, 0)
    const vectors = embeddings.filter((_, i) => labels[i] === speaker)
    return { speechSeconds, segments, windows: vectors }
  })
}

function mergeSpans(spans: SpeechSpan[]): SpeechSpan[] {
  const out: SpeechSpan[] = []
  for (const s of [...spans].sort((a, b) => a.startSeconds - b.startSeconds)) {
    const last = out[out.length - 1]
    if (last && s.startSeconds <= last.endSeconds + 0.05)
      last.endSeconds = Math.max(last.endSeconds, s.endSeconds)
    else out.push({ ...s })
  }
  return out
}

/**
 * How alike two speakers sound: the mean cosine between their windows, the measure clustering
 * kept below the threshold when it left them apart — what a third-voice finding reports.
 */
export function speakerSimilarity(a: Speaker, b: Speaker): number {
  let sum = 0
  for (const x of a.windows) for (const y of b.windows) sum += cosine(x, y)
  return sum / (a.windows.length * b.windows.length || 1)
}
