// Diarization on real speech, on both stores: a customer's side of a call on which three people
// speak (two voices too many) is found and explained with the segments to listen to; a side on
// which one person speaks twice is not.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assessFiles, loadAssessment, loadRuleSet } from '../../src/detect/index.js'
import { readCallAudio } from '../../src/voice/audio/wav.js'
import type { CallAudio } from '../../src/voice/audio/wav.js'
import { diarize } from '../../src/voice/diarization/diarize.js'
import { checkThirdVoice } from '../../src/voice/diarization/third-voice.js'
import { SpeakerEmbedder } from '../../src/voice/embedding/speaker-embedder.js'
import { writeTestSpeakerModel } from '../../src/voice/embedding/test-speaker-model.js'
import { buildContact, buildCustomer, writeJsonl } from './builders.js'
import { testStores, useStore } from './stores.js'

// Chosen on the test model's one-second windows of these clips: at 0.6 two of the speakers merge,
// at 0.75 the edge of one clip splits off (the test model proves the path, not accuracy).
const WINDOW_THRESHOLD = 0.7

let embedder: SpeakerEmbedder
const clips: Record<string, Float32Array> = {}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'grayline-diar-'))
  await writeTestSpeakerModel(join(dir, 'speaker.onnx'))
  embedder = await SpeakerEmbedder.open(join(dir, 'speaker.onnx'))
  for (const name of ['fangjun-sr-1', 'fangjun-test-sr-2', 'liudehua-sr-1', 'leijun-sr-1']) {
    const audio = await readCallAudio(
      join(import.meta.dirname, '../fixtures/speech', `${name}.wav`),
    )
    clips[name] = audio.channels[0]!
  }
})
afterAll(() => embedder.close())

/** One side of a call: the clips in turn with half a second of silence between them. */
function side(...names: string[]): CallAudio {
  const gap = new Float32Array(8000)
  const parts = names.flatMap((n) => [clips[n]!, gap])
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return { sampleRate: 16000, channels: [out] }
}

describe('diarization', () => {
  it('tells the speakers of one channel apart, in order of how much each spoke', async () => {
    const three = side('leijun-sr-1', 'liudehua-sr-1', 'fangjun-sr-1')
    const d = await diarize(embedder, three.channels[0]!, 16000, { threshold: WINDOW_THRESHOLD })
    expect(d.speakers).toHaveLength(3)
    const spoke = d.speakers.map((x) => x.speechSeconds)
    expect(spoke).toEqual([...spoke].sort((a, b) => b - a))
    const one = side('fangjun-sr-1', 'fangjun-test-sr-2')
    const single = await diarize(embedder, one.channels[0]!, 16000, { threshold: WINDOW_THRESHOLD })
    expect(single.speakers).toHaveLength(1)
  })
})

describe.each(testStores)('third voice on $kind', (s) => {
  const t = useStore(s)

  it.runIf(s.available)(
    'finds two voices too many on the customer side and explains them with their segments',
    async () => {
      const ctx = t.ctx
      const check = { threshold: WINDOW_THRESHOLD, side: 'caller' as const }
      const found = await checkThirdVoice(ctx, embedder, {
        contactId: 'T1',
        audio: side('leijun-sr-1', 'liudehua-sr-1', 'fangjun-sr-1'),
        ...check,
      })
      expect(found).toMatchObject({ code: 'voice_third_voice', threshold: WINDOW_THRESHOLD })
      expect(found?.matched).toHaveLength(2)
      expect(found?.score).toBeLessThan(WINDOW_THRESHOLD)
      // The customer spoke first and most (4.2 s, then half a second of silence); the others after.
      expect(found?.segments?.length).toBeGreaterThan(0)
      for (const seg of found?.segments ?? []) expect(seg.startSeconds).toBeGreaterThan(4.5)
      const alone = await checkThirdVoice(ctx, embedder, {
        contactId: 'T2',
        audio: side('fangjun-sr-1', 'fangjun-test-sr-2'),
        ...check,
      })
      expect(alone).toBeNull()

      await assessFiles(ctx, {
        rules: loadRuleSet(),
        customers: writeJsonl(t.dir, 'customers.jsonl', [buildCustomer({ customer_id: 'C1' })]),
        contacts: writeJsonl(t.dir, 'contacts.jsonl', [
          buildContact({ contact_id: 'T1', customer_id: 'C1', channel: 'call' }),
          buildContact({ contact_id: 'T2', customer_id: 'C1', channel: 'call' }),
        ]),
      })
      const t1 = await loadAssessment(ctx.db, 'T1')
      const third = t1?.signals.find((x) => x.code === 'voice_third_voice')
      expect(third?.explanation['zh-CN']).toMatch(/通话同一侧出现 2 个额外声音（三方通话）/)
      expect(third?.explanation.en).toMatch(/threshold 0\.70/)
      const t2 = await loadAssessment(ctx.db, 'T2')
      expect(t2?.signals.map((x) => x.code)).not.toContain('voice_third_voice')
    },
    120_000,
  )
})
