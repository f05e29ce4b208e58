// The detector the server screens with: built from the store at start, swapped whole after an
// upload is imported and assessed, its watchlist reloaded after an operator edits the list.
// Changes run one at a time; screening reads whichever detector is current, never a half-built one.
// Each change is announced (replace and watchlist here, in-place ones by whoever makes them), so
// that screening replicas on other threads can make the same change to their own copy.
import type { Context } from '../context.js'
import type { Contact, WatchlistEntry } from '../contract/index.js'
import type { IdentifierLink } from '../links/index.js'
import type { RuleSet } from '../detect/index.js'
import { Detector, loadIndex } from '../detect/index.js'

/** A change made to the live detector, as a replica must repeat it on its own copy. */
export type DetectorChange =
  | { kind: 'replaced' }
  | { kind: 'watchlist' }
  | { kind: 'contact-added'; contact: Contact; links: IdentifierLink[] }
  | { kind: 'response-findings' }
  | { kind: 'shared-matches' }

export class LiveDetector {
  private current: Detector
  private queue: Promise<unknown> = Promise.resolve()
  private readonly replaced: ((detector: Detector) => void)[] = []
  private readonly changed: ((change: DetectorChange) => void)[] = []

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
    this.announce({ kind: 'replaced' })
  }

  /** Called by whoever changed the current detector in place, once the change is made. */
  announce(change: DetectorChange): void {
    for (const listener of this.changed) listener(change)
  }

  onChange(listener: (change: DetectorChange) => void): () => void {
    this.changed.push(listener)
    return () => {
      const i = this.changed.indexOf(listener)
      if (i >= 0) this.changed.splice(i, 1)
    }
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
    this.announce({ kind: 'watchlist' })
  }
}
