// A progress bar on a terminal (stderr); silence when piped, so logs stay clean.
import cliProgress from 'cli-progress'

export type Progress = { update(done: number, total: number, extra?: string): void; stop(): void }

export function progressBar(label: string, unit: 'bytes' | 'items' = 'items'): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined }
  const fmt =
    unit === 'bytes' ? '{percentage}% | {doneMB}/{totalMB} MB' : '{percentage}% | {value}/{total}'
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] ${fmt} | {extra} | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  return {
    update(done, total, extra = '') {
      const payload = { extra, doneMB: (done / 1e6).toFixed(1), totalMB: (total / 1e6).toFixed(1) }
      if (!started) {
        bar.start(Math.max(total, 1), done, payload)
        started = true
      } else bar.update(done, payload)
    },
    stop() {
      if (started) bar.stop()
    },
  }
}

/** One bar per stage of a multi-stage run (load, import, assess …), replaced as the stage changes. */
export function stageProgress(): {
  update: (stage: string, done: number, total: number) => void
  stop(): void
} {
  let bar = progressBar('load')
  let stage = ''
  return {
    update(s, done, total) {
      if (s !== stage) {
        bar.stop()
        bar = progressBar(s.padEnd(16), s.startsWith('import') ? 'bytes' : 'items')
        stage = s
      }
      bar.update(done, total)
    },
    stop: () => bar.stop(),
  }
}
