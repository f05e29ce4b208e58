// The child process that holds the speaker model. sherpa-onnx can kill the process that loads a
// bad model (segfault, exit), so it never runs in the server's own process.
import { loadSherpa } from '../sherpa.js'
import type { SherpaExtractor } from '../sherpa.js'

export type ExtractRequest = { id: number; samples: Float32Array; sampleRate: number }
export type ExtractReply =
  | { id: number; embedding: Float32Array }
  | { id: number; error: string }
  | { ready: true; dim: number }

function send(message: ExtractReply): void {
  process.send?.(message)
}

function extract(extractor: SherpaExtractor, request: ExtractRequest): ExtractReply {
  const stream = extractor.createStream()
  stream.acceptWaveform({ samples: request.samples, sampleRate: request.sampleRate })
  stream.inputFinished()
  // Very short input never becomes ready; compute() on it would fail inside the addon.
  if (!extractor.isReady(stream)) return { id: request.id, error: 'too little audio for the model' }
  return { id: request.id, embedding: Float32Array.from(extractor.compute(stream, false)) }
}

const model = process.argv[2] ?? ''
const extractor = new (loadSherpa().SpeakerEmbeddingExtractor)({
  model,
  numThreads: 1,
  debug: false,
})
send({ ready: true, dim: extractor.dim })
process.on('message', (request: ExtractRequest) => {
  try {
    send(extract(extractor, request))
  } catch (err) {
    send({ id: request.id, error: (err as Error).message })
  }
})
