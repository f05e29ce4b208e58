// A watchlist entry names an identifier in the same `kind:value` space as the links, so a hit is
// one index lookup. Tokens from other institutions (`oprf-r255:`, `sha256:`) are kept as they are.
import type { WatchlistEntry } from '../contract/index.js'
import { normalizeText } from '../normalize/index.js'
import type { IdentifierKind } from './identifier.js'
import {
  identifierKey,
  idNumberIdentifier,
  organizationIdentifier,
  phoneIdentifier,
} from './identifier.js'
import {
  normalizeDeviceId,
  normalizeEmail,
  normalizeIp,
  normalizeWechat,
} from '../normalize/index.js'

const TOKEN = /^(oprf-r255|sha256|hmac-sha256):[0-9a-f]+$/i

export function watchlistIdentifier(entry: Pick<WatchlistEntry, 'kind' | 'value'>): string {
  const v = entry.value.trim()
  if (TOKEN.test(v)) return `token:${v.toLowerCase()}`
  switch (entry.kind) {
    case 'phone':
      return phoneIdentifier(v)?.identifier ?? identifierKey('phone', v)
    case 'id_number':
      return idNumberIdentifier(v)?.identifier ?? identifierKey('id_number', v)
    case 'organization':
      return organizationIdentifier(v)?.identifier ?? identifierKey('organization', v)
    default:
      return identifierKey(kindOf(entry.kind), simple(entry.kind, v))
  }
}

function kindOf(kind: WatchlistEntry['kind']): IdentifierKind | 'text_template' | 'voiceprint' {
  if (kind === 'device_id') return 'device'
  return kind
}

function simple(kind: WatchlistEntry['kind'], v: string): string {
  switch (kind) {
    case 'email':
      return normalizeEmail(v) ?? v.toLowerCase()
    case 'wechat':
      return normalizeWechat(v) ?? v
    case 'ip':
      return normalizeIp(v) ?? v
    case 'device_id':
      return normalizeDeviceId(v) ?? v
    default:
      return normalizeText(v)
  }
}
