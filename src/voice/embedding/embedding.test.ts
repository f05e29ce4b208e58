import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resample } from '../audio/resample.js'
import { readCallAudio } from '../audio/wav.js'
import type { CallAudio } from '../audio/wav.js'
import { cosine } from '../library/cosine.js'
import { voiceprintOf } from './call-voiceprint.js'
import { inspectSpeakerModel, SpeakerModelError } from './model-metadata.js'
import { ModelProto } from './onnx-proto.js'
import { SpeakerEmbedder, SpeakerModelCrashedError } from './speaker-embedder.js'
import { testSpeakerModelMetadata, writeTestSpeakerModel } from './test-speaker-model.js'

const speech = (name: string): Promise<CallAudio> =>
  readCallAudio(join(import.meta.dirname, '../../../test/fixtures/speech', name))

let dir = ''
let embedder: SpeakerEmbedder

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grayline-model-'))
  await writeTestSpeakerModel(join(dir, 'speaker.onnx'))
  embedder = await SpeakerEmbedder.open(join(dir, 'speaker.onnx'))
})
afterAll(() => embedder.close())

async function embedded(audio: CallAudio): Promise<Float32Array> {
  const print = await voiceprintOf(embedder, audio, { minSpeechSeconds: 1 })
  if (print.status !== 'embedded') throw new Error(`no embedding: ${print.status}`)
  return print.embedding
}

describe('speaker embeddings', () => {
  it('embeds real speech with the model named in its metadata, closer for the same speaker', async () => {
    const [a, b, other] = await Promise.all(
      ['fangjun-sr-1.wav', 'fangjun-test-sr-2.wav', 'liudehua-sr-1.wav'].map(speech),
    )
    const [ea, eb, eo] = await Promise.all([a!, b!, other!].map(embedded))
    expect(embedder.model.dim).toBe(192)
    expect(ea).toHaveLength(192)
    expect(cosine(ea!, eb!)).toBeGreaterThan(cosine(ea!, eo!))
  })

  it('embeds 8 kHz telephone audio after upsampling to the model rate', async () => {
    const wide = await speech('liudehua-sr-1.wav')
    const phone = { sampleRate: 8000, channels: [resample(wide.channels[0]!, 16000, 8000)] }
    expect(cosine(await embedded(wide), await embedded(phone))).toBeGreaterThan(0.8)
  })

  it('claims nothing from a side of the call with too little speech', async () => {
    const print = await voiceprintOf(embedder, {
      sampleRate: 8000,
      channels: [new Float32Array(8000 * 10)],
    })
    expect(print).toMatchObject({ status: 'too_little_speech', speechSeconds: 0 })
    const short = await voiceprintOf(embedder, await speech('fangjun-sr-1.wav'), {
      minSpeechSeconds: 3,
    })
    expect(short.status).toBe('too_little_speech')
  })

  it('refuses a model whose metadata sherpa-onnx would die on, before loading it', async () => {
    const bare = join(dir, 'bare.onnx')
    await writeTestSpeakerModel(bare, { metadata: {} })
    await expect(SpeakerEmbedder.open(bare)).rejects.toThrow(/metadata framework is none/)
    const other = join(dir, 'other.onnx')
    await writeTestSpeakerModel(other, {
      metadata: { ...testSpeakerModelMetadata(), framework: 'kaldi' },
    })
    await expect(inspectSpeakerModel(other)).rejects.toThrow(SpeakerModelError)
    const junk = join(dir, 'junk.onnx')
    await writeFile(junk, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))
    await expect(inspectSpeakerModel(junk)).rejects.toThrow(/junk\.onnx/)
    await expect(SpeakerEmbedder.open('')).rejects.toThrow(/GRAYLINE_SPEAKER_MODEL/)
  })

  it('turns a crash of the model process into an error, and the server process lives on', async () => {
    // Metadata that passes the check on a model with no graph: onnxruntime aborts the child.
    const hollow = join(dir, 'hollow.onnx')
    const metadataProps = Object.entries(testSpeakerModelMetadata()).map(([key, value]) => ({
      key,
      value,
    }))
    await writeFile(
      hollow,
      ModelProto.encode(ModelProto.fromObject({ irVersion: 7, metadataProps })).finish(),
    )
    await expect(SpeakerEmbedder.open(hollow)).rejects.toThrow(SpeakerModelCrashedError)
    await expect(SpeakerEmbedder.open(hollow)).rejects.toThrow(
      /extraction process ended \(signal SIGABRT/,
    )
    const still = await embedded(await speech('liudehua-sr-1.wav'))
    expect(still).toHaveLength(192)
  })

  it('starts a fresh model process for the next request after one dies mid-request', async () => {
    const child = (embedder as unknown as { child: { kill(signal: string): void } }).child
    const request = embedder.embed(new Float32Array(16000), 16000)
    child.kill('SIGSEGV')
    await expect(request).rejects.toThrow(/signal SIGSEGV/)
    expect(await embedded(await speech('liudehua-sr-1.wav'))).toHaveLength(192)
  })
})
