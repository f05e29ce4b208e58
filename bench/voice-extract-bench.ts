// Prints the speaker-embedding real-time factor (processing time / audio duration) for VAD and
// extraction, on GRAYLINE_SPEAKER_MODEL or, when unset, the project's tiny test model.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { detectSpeech } from '../src/voice/audio/speech.js'
import { readCallAudio } from '../src/voice/audio/wav.js'
import { SpeakerEmbedder } from '../src/voice/embedding/speaker-embedder.js'
import { writeTestSpeakerModel } from '../src/voice/embedding/test-speaker-model.js'

const clips = ['fangjun-sr-1.wav', 'fangjun-test-sr-2.wav', 'liudehua-sr-1.wav']
const rounds = Number(process.argv[2] ?? 20)

let model = process.env.GRAYLINE_SPEAKER_MODEL
if (!model) {
  model = join(await mkdtemp(join(tmpdir(), 'grayline-bench-')), 'test-speaker.onnx')
  await writeTestSpeakerModel(model)
}
const embedder = await SpeakerEmbedder.open(model)
const audio = await Promise.all(clips.map((c) => readCallAudio(join('test/fixtures/speech', c))))
let seconds = 0
let vadMs = 0
let embedMs = 0
for (let r = 0; r < rounds; r++) {
  for (const clip of audio) {
    const samples = clip.channels[0]!
    seconds += samples.length / clip.sampleRate
    const t0 = performance.now()
    const speech = detectSpeech(samples, clip.sampleRate)
    const t1 = performance.now()
    await embedder.embed(speech.samples, speech.sampleRate)
    vadMs += t1 - t0
    embedMs += performance.now() - t1
  }
}
embedder.close()
const rtf = (ms: number): string => (ms / 1000 / seconds).toFixed(4)
console.log(`model ${model}: ${seconds.toFixed(1)} s of audio`)
console.log(
  `real-time factor: VAD ${rtf(vadMs)}, extraction ${rtf(embedMs)}, total ${rtf(vadMs + embedMs)}`,
)
