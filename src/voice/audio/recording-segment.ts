// Playback of the segments behind a voice match. Grayline keeps no audio: it plays a segment of
// the call recording the installation itself keeps (GRAYLINE_CALL_RECORDINGS, one <contact_id>.wav
// per call, as the call centre files them), and only when that directory is configured.
import { join } from 'node:path'
import { encodeWav, readCallAudio } from './wav.js'

export class RecordingUnavailableError extends Error {
  readonly code = 'recording_unavailable'
  constructor(reason: string) {
    super(reason)
    this.name = 'RecordingUnavailableError'
  }
}

export type Segment = { startSeconds: number; endSeconds: number }

/** Longest segment played at once: a match is reviewed by its speech, not by the whole call. */
export const MAX_SEGMENT_SECONDS = 30

export function recordingsDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.GRAYLINE_CALL_RECORDINGS?.trim() || null
}

// Contact ids come from the lender's systems: only names that cannot leave the directory.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export async function recordingSegmentWav(
  dir: string | null,
  contactId: string,
  segment: Segment,
): Promise<Buffer> {
  if (!dir) throw new RecordingUnavailableError('this installation keeps no call recordings')
  if (!SAFE_NAME.test(contactId) || contactId.includes('..'))
    throw new RecordingUnavailableError(`no recording is filed under contact ${contactId}`)
  let audio
  try {
    audio = await readCallAudio(join(dir, `${contactId}.wav`))
  } catch {
    throw new RecordingUnavailableError(`the recording of contact ${contactId} is not on file`)
  }
  const start = Math.max(0, Math.floor(segment.startSeconds * audio.sampleRate))
  const seconds = Math.min(segment.endSeconds - segment.startSeconds, MAX_SEGMENT_SECONDS)
  const end = Math.min(
    audio.channels[0]?.length ?? 0,
    start + Math.ceil(seconds * audio.sampleRate),
  )
  if (end <= start) throw new RecordingUnavailableError('the segment is outside the recording')
  return encodeWav({
    sampleRate: audio.sampleRate,
    channels: audio.channels.map((c) => c.slice(start, end)),
  })
}
