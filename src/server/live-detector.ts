// The detector the server screens with: built from the store at start, swapped whole after an
// upload is imported and assessed, its watchlist reloaded after an operator edits the list.
// Changes run one at a time; screening reads whichever detector is current, never a half-built one.
import type { Context } from '../context.js'
import type { WatchlistEntry } from '../contract/index.js'
import type { RuleSet } from '../detect/index.js'
import { Detector, loadIndex } from '../detect/index.js'

export class LiveDetector {
  private current: Detector
  private queue: Promise<unknown> = Promise.resolve()
  private readonly replaced: ((detector: Detector) => void)[] = []

  private constructor(
    private readonly ctx: Context,
    readonly rules: RuleSet,
    detector: Detector,
  ) {
    this.current = detector
  }

  static async load(
    ctx: Context,
    rules: RuleSet,
    onProgress?: (done: number, total: number) => void,
  ): Promise<LiveDetector> {
    const detector = new Detector(rules)
    await loadIndex(ctx, detector.index, onProgress)
    // Gangs are computed on first use: do it before serving, not inside the first screening call
    // (at a million contacts that call took 45–115 s, and every other request waited behind it).
    detector.gangOf(0)
    return new LiveDetector(ctx, rules, detector)
  }

  get detector(): Detector {
    return this.current
  }

  /** Runs a change after every earlier one; a failure does not block the next. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  replace(detector: Detector): void {
    this.current = detector
    for (const listener of this.replaced) listener(detector)
  }

  /** Called after each swap (an import assessed): what derives from the index follows it. */
  onReplace(listener: (detector: Detector) => void): void {
    this.replaced.push(listener)
  }

  async reloadWatchlist(): Promise<void> {
    const rows = await this.ctx.db.selectFrom('watchlist').select('record').execute()
    const lookup = this.current.index.watchlist
    lookup.clear()
    for (const r of rows) lookup.add(JSON.parse(r.record) as WatchlistEntry)
  }
}
