// Watchlist hits: exact identifiers, and keyed hashes of them (`hmac-sha256:` tokens) computed with
// this installation's key, so an indicator can be listed without writing the value down.
import { createHmac } from 'node:crypto'
import type { WatchlistEntry } from '../contract/index.js'
import { parseInterchangeTime } from '../contract/index.js'
import { watchlistIdentifier } from '../links/watchlist-identifier.js'

export type WatchHit = {
  identifier: string
  label: string
  source: string
  kind: string
  keyed: boolean
}

type Entry = WatchHit & { from: number; until: number }

export class WatchlistLookup {
  private readonly exact = new Map<string, Entry[]>()
  private readonly keyed = new Map<string, Entry[]>()

  constructor(private readonly hashKey: string | null = process.env.GRAYLINE_HASH_KEY ?? null) {}

  add(entry: WatchlistEntry): void {
    const identifier = watchlistIdentifier(entry)
    const e: Entry = {
      identifier,
      label: entry.label,
      source: entry.source,
      kind: entry.kind,
      keyed: identifier.startsWith('token:hmac-sha256:'),
      from: parseInterchangeTime(entry.added_at),
      until: entry.expires_at ? parseInterchangeTime(entry.expires_at) : Infinity,
    }
    const target = e.keyed ? this.keyed : this.exact
    const key = e.keyed ? identifier.slice('token:hmac-sha256:'.length) : identifier
    const list = target.get(key)
    if (list) list.push(e)
    else target.set(key, [e])
  }

  /** Forgets every entry: the server reloads the list after an operator changes it. */
  clear(): void {
    this.exact.clear()
    this.keyed.clear()
  }

  get size(): number {
    return this.exact.size + this.keyed.size
  }

  /** Entries that apply to an identifier at a time: listed and not yet expired. */
  hits(identifier: string, at: number): WatchHit[] {
    const exact = this.exact.get(identifier)
    const keyed =
      this.keyed.size && this.hashKey
        ? this.keyed.get(keyedHash(this.hashKey, identifier))
        : undefined
    // Nearly every identifier of every contact is on no list: answered without building lists.
    if (!exact && !keyed) return []
    const found = [...(exact ?? []), ...(keyed ?? [])]
    return found.filter((e) => e.until > at).map(({ from: _f, until: _u, ...hit }) => hit)
  }
}

export function keyedHash(key: string, identifier: string): string {
  return createHmac('sha256', key).update(identifier).digest('hex')
}
