// `grayline voice calibrate` stores its threshold with the model; `voice purge` and `voice forget`
// run against the store and leave an audit trail.
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { readCallAudio } from '../../src/voice/audio/wav.js'
import { encodeWav } from '../../src/voice/audio/wav.js'
import { writeTestSpeakerModel } from '../../src/voice/embedding/test-speaker-model.js'
import { tempDir } from './stores.js'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../../bin/grayline.js')

async function grayline(args: string[], dir: string, extra: Record<string, string> = {}) {
  try {
    const env = {
      ...process.env,
      DATABASE_URL: '',
      GRAYLINE_DB: join(dir, 'cli.db'),
      GRAYLINE_SPEAKER_MODEL: '',
      USER: 'zhao',
      ...extra,
    }
    const r = await run(process.execPath, [BIN, ...args], { env, cwd: dir })
    return { code: 0, ...r }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('grayline voice', () => {
  it('stores the calibrated threshold with the model, purges and forgets with an audit trail', async () => {
    const dir = tempDir()
    const lines = [0.9, 0.85, 0.8]
      .map((score) => ({ score, same: true }))
      .concat([0.1, 0.3, 0.6].map((score) => ({ score, same: false })))
    writeFileSync(join(dir, 'trials.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'))
    const unnamed = await grayline(['voice', 'calibrate', 'trials.jsonl'], dir)
    expect(unnamed.code).toBe(1)
    expect(unnamed.stderr).toMatch(/--model-name/)
    const r = await grayline(
      ['voice', 'calibrate', 'trials.jsonl', '--fmr', '0', '--model-name', 'speaker.onnx'],
      dir,
    )
    expect(r.stdout).toMatch(/EER 0\.00%/)
    expect(r.stdout).toMatch(/stored as vt_.*threshold 0\.8000 for speaker\.onnx/)

    // A three-way call: three people speak on the caller's side of the recording.
    await writeTestSpeakerModel(join(dir, 'speaker.onnx'))
    const speech = ['leijun-sr-1', 'liudehua-sr-1', 'fangjun-sr-1'].map((name) =>
      readCallAudio(join(import.meta.dirname, '../fixtures/speech', `${name}.wav`)),
    )
    const parts = (await Promise.all(speech)).map((a) => a.channels[0]!)
    const call = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
    parts.reduce((at, p) => (call.set(p, at), at + p.length), 0)
    writeFileSync(join(dir, 'call.wav'), encodeWav({ sampleRate: 16000, channels: [call] }))
    const checked = await grayline(
      ['voice', 'check', 'call.wav', '--contact', 'K7', '--customer', 'C1'],
      dir,
      { GRAYLINE_SPEAKER_MODEL: join(dir, 'speaker.onnx') },
    )
    expect(checked.stdout).toMatch(/K7: \d+\.\d s of speech embedded/)
    expect(checked.stdout).toMatch(/voice_third_voice: score 0\.\d+ \(threshold 0\.800\)/)
    expect((await grayline(['voice', 'purge'], dir)).stdout).toMatch(/^0 expired call embeddings/)
    const forget = await grayline(
      ['voice', 'forget', 'C1', '--reason', 'letter of 2026-11-20'],
      dir,
    )
    // The call checked above was made in C1's name: its caller's embedding goes with the request.
    expect(forget.stdout).toMatch(/0 enrolments and 1 call embeddings deleted/)

    const db = new Database(join(dir, 'cli.db'), { readonly: true })
    try {
      expect(
        db.prepare('select model, threshold, calibrated_by from voice_thresholds').all(),
      ).toEqual([{ model: 'speaker.onnx', threshold: 0.8, calibrated_by: 'cli:zhao' }])
      // Findings keep scores and the segments to play, no voiceprint: they stay after the deletion.
      const findings = db.prepare('select contact_id, code, segments from voice_findings').all()
      expect(findings).toEqual([
        { contact_id: 'K7', code: 'voice_third_voice', segments: expect.stringMatching(/^\[\{/) },
      ])
      expect(db.prepare('select count(*) as n from call_voices').get()).toEqual({ n: 0 })
      const audited = db
        .prepare('select actor, action, target_id from audit_log order by seq')
        .all()
      expect(audited).toEqual([
        { actor: 'cli:zhao', action: 'voice.purge', target_id: null },
        { actor: 'cli:zhao', action: 'voice.customer.delete', target_id: 'C1' },
      ])
    } finally {
      db.close()
    }
  }, 180_000)
})
