// The voice library's part in a running server: its HNSW indexes kept beside the data (written at
// close, loaded and reconciled at the next start), the scheduled retention purge, and where the
// installation's own call recordings are for segment playback (none: no playback).
import { join } from 'node:path'
import type { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import { recordingsDirFromEnv } from '../voice/audio/recording-segment.js'
import {
  keepVoiceIndexesIn,
  persistVoiceIndexes,
  purgeEveryMsFromEnv,
  scheduleVoicePurge,
} from '../voice/library/index.js'

export type VoiceServices = { recordingsDir: string | null; close(): Promise<void> }

export function voiceServices(ctx: Context, audit: AuditLog, dataDir: string): VoiceServices {
  keepVoiceIndexesIn(ctx, join(dataDir, 'voice-index'))
  const everyMs = purgeEveryMsFromEnv()
  const purge = everyMs > 0 ? scheduleVoicePurge(ctx, audit, everyMs) : null
  return {
    recordingsDir: recordingsDirFromEnv(),
    close: async () => {
      await purge?.stop()
      await persistVoiceIndexes(ctx)
    },
  }
}
