// The list's keyset position as an opaque token: the last item's listing time and key.
import { invalidField } from './watchlist-error.js'

export type WatchlistPosition = { added_at: string; entry_key: string }

export function encodeCursor(p: WatchlistPosition): string {
  return Buffer.from(JSON.stringify([p.added_at, p.entry_key])).toString('base64url')
}

export function decodeCursor(cursor: string): WatchlistPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      const [added_at, entry_key] = value as [string, string]
      return { added_at, entry_key }
    }
  } catch {
    // falls through to the one error below
  }
  throw invalidField('cursor', 'not a cursor this list handed out')
}
