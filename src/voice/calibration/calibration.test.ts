import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SpeakerEmbedder } from '../embedding/speaker-embedder.js'
import { writeTestSpeakerModel } from '../embedding/test-speaker-model.js'
import { calibrate } from './calibration.js'
import { readTrials } from './trial-file.js'

const same = (score: number) => ({ score, same: true })
const diff = (score: number) => ({ score, same: false })

describe('voice calibration', () => {
  it('finds a zero EER and a threshold between the classes when they separate', () => {
    const r = calibrate([same(0.9), same(0.8), same(0.75), diff(0.3), diff(0.4), diff(0.5)], 0)
    expect(r.eer).toBe(0)
    expect(r.threshold).toBeGreaterThan(0.5)
    expect(r.threshold).toBeLessThanOrEqual(0.75)
    expect(r.falseNonMatchRate).toBe(0)
  })

  it('holds the chosen false-match rate when the classes overlap, at the cost of misses', () => {
    const trials = [
      same(0.9),
      same(0.7),
      same(0.6),
      same(0.4),
      diff(0.65),
      diff(0.3),
      diff(0.2),
      diff(0.1),
    ]
    const strict = calibrate(trials, 0)
    expect(strict.falseMatchRate).toBe(0)
    expect(strict.threshold).toBeGreaterThan(0.65)
    expect(strict.falseNonMatchRate).toBe(0.5)
    expect(calibrate(trials, 0).eer).toBe(0.25)
    expect(() => calibrate([same(0.9)], 0.01)).toThrow(/both/)
  })

  it('scores recordings named in a trial file with the speaker model', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grayline-trials-'))
    const model = join(dir, 'speaker.onnx')
    await writeTestSpeakerModel(model)
    const clip = (name: string) =>
      relative(dir, join(import.meta.dirname, '../../../test/fixtures/speech', name))
    const lines = [
      { enrol: clip('fangjun-sr-1.wav'), test: clip('fangjun-test-sr-2.wav'), same: true },
      { enrol: clip('fangjun-sr-1.wav'), test: clip('liudehua-sr-1.wav'), same: false },
      { score: 0.2, same: false },
    ]
    await writeFile(join(dir, 'trials.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'))
    const embedder = await SpeakerEmbedder.open(model)
    try {
      const trials = await readTrials(join(dir, 'trials.jsonl'), embedder)
      expect(trials).toHaveLength(3)
      expect(trials[0]!.score).toBeGreaterThan(trials[1]!.score)
    } finally {
      embedder.close()
    }
    await expect(readTrials(join(dir, 'trials.jsonl'))).rejects.toThrow(
      /trials\.jsonl:1: recordings need a speaker model/,
    )
  })
})
