// Reads call-centre recordings: RIFF/WAVE with 16-bit PCM, 8-bit PCM or 32-bit float, mono or
// stereo (stereo: one channel per side of the call). Samples come out as floats in [-1, 1].
import { readFile } from 'node:fs/promises'

export type CallAudio = {
  sampleRate: number
  /** One array per channel; for stereo call recordings, one per side of the call. */
  channels: Float32Array[]
}

export class AudioFormatError extends Error {
  readonly code = 'audio_unreadable'
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'AudioFormatError'
  }
}

type Format = { tag: number; channels: number; sampleRate: number; bits: number }

export async function readCallAudio(file: string): Promise<CallAudio> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (err) {
    throw new AudioFormatError(file, `cannot be read (${(err as Error).message})`)
  }
  return decodeWav(bytes, file)
}

export function decodeWav(bytes: Buffer, file = '<buffer>'): CallAudio {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new AudioFormatError(file, 'is not a RIFF/WAVE file')
  }
  let format: Format | undefined
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', at, at + 4)
    const size = bytes.readUInt32LE(at + 4)
    const body = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size))
    if (id === 'fmt ') format = readFormat(body, file)
    if (id === 'data') {
      if (!format) throw new AudioFormatError(file, 'has its data chunk before its fmt chunk')
      return { sampleRate: format.sampleRate, channels: deinterleave(body, format) }
    }
    at += 8 + size + (size % 2)
  }
  throw new AudioFormatError(file, format ? 'has no data chunk' : 'has no fmt chunk')
}

function readFormat(body: Buffer, file: string): Format {
  if (body.length < 16) throw new AudioFormatError(file, 'has a truncated fmt chunk')
  let tag = body.readUInt16LE(0)
  // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
  if (tag === 0xfffe && body.length >= 26) tag = body.readUInt16LE(24)
  const format = {
    tag,
    channels: body.readUInt16LE(2),
    sampleRate: body.readUInt32LE(4),
    bits: body.readUInt16LE(14),
  }
  const supported =
    (tag === 1 && (format.bits === 16 || format.bits === 8)) || (tag === 3 && format.bits === 32)
  if (!supported) {
    throw new AudioFormatError(
      file,
      `uses format ${tag} with ${format.bits}-bit samples; only 8/16-bit PCM and 32-bit float are read`,
    )
  }
  if (format.channels < 1 || format.channels > 2) {
    throw new AudioFormatError(
      file,
      `has ${format.channels} channels; only mono or stereo calls are read`,
    )
  }
  if (format.sampleRate < 8000 || format.sampleRate > 48000) {
    throw new AudioFormatError(
      file,
      `has a sample rate of ${format.sampleRate} Hz; 8000–48000 Hz are read`,
    )
  }
  return format
}

function deinterleave(body: Buffer, format: Format): Float32Array[] {
  const width = format.bits / 8
  const frames = Math.floor(body.length / (width * format.channels))
  const channels = Array.from({ length: format.channels }, () => new Float32Array(frames))
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < format.channels; c++) {
      channels[c]![i] = readSample(body, (i * format.channels + c) * width, format)
    }
  }
  return channels
}

function readSample(body: Buffer, offset: number, format: Format): number {
  if (format.tag === 3) return body.readFloatLE(offset)
  if (format.bits === 8) return (body.readUInt8(offset) - 128) / 128
  return body.readInt16LE(offset) / 32768
}

/** Writes 16-bit PCM WAV: used to derive telephone-rate and stereo test audio. */
export function encodeWav(audio: CallAudio): Buffer {
  const frames = audio.channels[0]?.length ?? 0
  const n = audio.channels.length
  const out = Buffer.alloc(44 + frames * n * 2)
  out.write('RIFF', 0, 'ascii')
  out.writeUInt32LE(36 + frames * n * 2, 4)
  out.write('WAVEfmt ', 8, 'ascii')
  out.writeUInt32LE(16, 16)
  out.writeUInt16LE(1, 20)
  out.writeUInt16LE(n, 22)
  out.writeUInt32LE(audio.sampleRate, 24)
  out.writeUInt32LE(audio.sampleRate * n * 2, 28)
  out.writeUInt16LE(n * 2, 32)
  out.writeUInt16LE(16, 34)
  out.write('data', 36, 'ascii')
  out.writeUInt32LE(frames * n * 2, 40)
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < n; c++) {
      const v = Math.max(-1, Math.min(1, audio.channels[c]![i]!))
      out.writeInt16LE(Math.round(v * 32767), 44 + (i * n + c) * 2)
    }
  }
  return out
}
