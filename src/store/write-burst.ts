// A long run of writes to a SQLite store (a bulk import, a first assessment of a million contacts).
// In WAL mode with synchronous = NORMAL every automatic checkpoint, after each 1,000 pages
// (4 MB) of WAL by default, waits for two fsyncs; during a burst that wait costs more wall time
// than the writes themselves (360,000 assessments: 9.5 s → 3.9 s). The burst checkpoints every
// 64 MB instead and restores the store's setting after. A power cut can lose what the WAL holds
// since its last sync either way: a burst is a re-runnable batch, not a stream of user actions.
import type { SqliteHandle } from './dialect.js'

/** Pages of WAL between automatic checkpoints during a burst (64 MB of 4 KB pages). */
export const BURST_CHECKPOINT_PAGES = 16_384

/** Runs `body` with sparser checkpoints on the handle, restoring the setting however it ends. */
export async function inWriteBurst<R>(
  handle: SqliteHandle | undefined,
  body: () => Promise<R>,
): Promise<R> {
  if (!handle) return body()
  const before = handle.pragma('wal_autocheckpoint', { simple: true }) as number
  handle.pragma(`wal_autocheckpoint = ${Math.max(before, BURST_CHECKPOINT_PAGES)}`)
  try {
    return await body()
  } finally {
    handle.pragma(`wal_autocheckpoint = ${before}`)
  }
}
