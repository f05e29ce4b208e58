import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resample } from './resample.js'
import { DEFAULT_MIN_SPEECH_SECONDS, detectSpeech } from './speech.js'
import { AudioFormatError, encodeWav, readCallAudio } from './wav.js'

const speech = (name: string): string =>
  join(import.meta.dirname, '../../../test/fixtures/speech', name)

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'grayline-audio-')), name)
  await writeFile(file, bytes)
  return file
}

describe('voice audio', () => {
  it('reads a 16 kHz mono recording as samples in [-1, 1]', async () => {
    const audio = await readCallAudio(speech('liudehua-sr-1.wav'))
    expect(audio.sampleRate).toBe(16000)
    expect(audio.channels).toHaveLength(1)
    expect(audio.channels[0]!.length / 16000).toBeGreaterThan(2.5)
    expect(Math.max(...audio.channels[0]!.map(Math.abs))).toBeLessThanOrEqual(1)
  })

  it('reads a stereo 8 kHz call as one channel per side', async () => {
    const customer = resample(
      (await readCallAudio(speech('liudehua-sr-1.wav'))).channels[0]!,
      16000,
      8000,
    )
    const agent = new Float32Array(customer.length)
    const file = await tempFile(
      'call.wav',
      encodeWav({ sampleRate: 8000, channels: [agent, customer] }),
    )
    const call = await readCallAudio(file)
    expect(call.sampleRate).toBe(8000)
    expect(call.channels).toHaveLength(2)
    expect(detectSpeech(call.channels[0]!, 8000).speechSeconds).toBe(0)
    expect(detectSpeech(call.channels[1]!, 8000).speechSeconds).toBeGreaterThan(
      DEFAULT_MIN_SPEECH_SECONDS,
    )
  })

  it('names the file and the reason for audio it cannot read', async () => {
    const text = await tempFile('notes.wav', Buffer.from('not a recording at all'))
    await expect(readCallAudio(text)).rejects.toThrow(AudioFormatError)
    await expect(readCallAudio(text)).rejects.toThrow(/notes\.wav: is not a RIFF\/WAVE file/)
    const mp3ish = encodeWav({ sampleRate: 16000, channels: [new Float32Array(10)] })
    mp3ish.writeUInt16LE(85, 20)
    await expect(readCallAudio(await tempFile('odd.wav', mp3ish))).rejects.toThrow(
      /odd\.wav: uses format 85/,
    )
    await expect(readCallAudio('/nowhere/call.wav')).rejects.toThrow(
      /\/nowhere\/call\.wav: cannot be read/,
    )
  })

  it('resamples 16 kHz to 8 kHz and back keeping the duration', () => {
    const tone = Float32Array.from({ length: 16000 }, (_, i) =>
      Math.sin((2 * Math.PI * 300 * i) / 16000),
    )
    const down = resample(tone, 16000, 8000)
    const up = resample(down, 8000, 16000)
    expect(down.length).toBe(8000)
    expect(up.length).toBe(16000)
    expect(Math.abs(up[4000]! - tone[4000]!)).toBeLessThan(0.05)
  })

  it('finds no speech in silence or hold music, and finds it in a real voice', async () => {
    const silence = new Float32Array(16000 * 4)
    const music = Float32Array.from(
      { length: 16000 * 4 },
      (_, i) =>
        0.3 * Math.sin((2 * Math.PI * 440 * i) / 16000) +
        0.2 * Math.sin((2 * Math.PI * 660 * i) / 16000),
    )
    expect(detectSpeech(silence, 16000).speechSeconds).toBe(0)
    expect(detectSpeech(music, 16000).speechSeconds).toBe(0)
    const voice = (await readCallAudio(speech('liudehua-sr-1.wav'))).channels[0]!
    const found = detectSpeech(voice, 16000)
    expect(found.spans.length).toBeGreaterThan(0)
    expect(found.speechSeconds).toBeGreaterThan(2)
  })
})
