// An identifier in a filter: an opaque ref from an earlier response, or a `kind:value` (or a bare
// phone number) typed by an investigator, normalised exactly as the watchlist normalises it.
import type { WatchlistEntry } from '../contract/index.js'
import { watchlistKinds } from '../contract/index.js'
import { identifierKinds } from '../links/identifier.js'
import { watchlistIdentifier } from '../links/watchlist-identifier.js'
import type { IdentifierRefs } from './identifier-ref.js'
import { HttpProblem } from './problem.js'

function invalid(message: string): HttpProblem {
  return new HttpProblem('validation', `identifier: ${message}`, {
    errors: [{ field: 'identifier', message }],
  })
}

export function normalizeIdentifierFilter(input: string, refs: IdentifierRefs): string {
  if (input.startsWith('ir_')) {
    const key = refs.resolve(input)
    if (!key) throw invalid('not a reference this installation made')
    return key
  }
  const i = input.indexOf(':')
  const kind = i > 0 ? input.slice(0, i) : 'phone'
  const value = i > 0 ? input.slice(i + 1) : input
  if (!value.trim()) throw invalid('no value after the kind')
  // sha256/phash and the like are already canonical: lower-case hex.
  if ((identifierKinds as readonly string[]).includes(kind) && !isWatchlistKind(kind))
    return `${kind}:${value.trim().toLowerCase()}`
  const watchKind = kind === 'device' ? 'device_id' : kind
  if (!isWatchlistKind(watchKind))
    throw invalid(`unknown kind '${kind}' (one of ${identifierKinds.join(', ')})`)
  return watchlistIdentifier({ kind: watchKind, value })
}

function isWatchlistKind(k: string): k is WatchlistEntry['kind'] {
  return (watchlistKinds as readonly string[]).includes(k)
}
