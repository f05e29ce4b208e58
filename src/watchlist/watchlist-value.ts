// What an operator types into the console must name a real identifier. Import keeps whatever a
// file lists (a bad line is reported, not guessed at); here a value the normalisers do not accept
// is refused, because an entry that can never match would only look like protection.
import type { WatchlistEntry } from '../contract/index.js'
import { idNumberIdentifier, organizationIdentifier, phoneIdentifier } from '../links/index.js'
import { watchlistIdentifier } from '../links/watchlist-identifier.js'
import {
  normalizeDeviceId,
  normalizeEmail,
  normalizeIp,
  normalizeText,
  normalizeWechat,
  parseIdNumber,
} from '../normalize/index.js'

type Listed = Pick<WatchlistEntry, 'kind' | 'value'>

/** Why a value cannot be listed under its kind, or null when it can. */
export function watchlistValueProblem(entry: Listed): string | null {
  const v = entry.value.trim()
  if (v === '') return 'must not be empty'
  // Tokens shared by other institutions are opaque: any kind may carry one.
  if (watchlistIdentifier(entry).startsWith('token:')) return null
  switch (entry.kind) {
    case 'phone': {
      const phone = phoneIdentifier(v)
      if (phone === null) return 'a phone number needs digits'
      return phone.valid ? null : 'not a valid phone number'
    }
    case 'id_number': {
      if (idNumberIdentifier(v)?.valid) return null
      return `not a valid ID number (${parseIdNumber(v)?.reason ?? 'unreadable'})`
    }
    case 'organization':
      return organizationIdentifier(v) ? null : 'not an organisation name'
    case 'email':
      return normalizeEmail(v) ? null : 'not an e-mail address'
    case 'wechat':
      return normalizeWechat(v) ? null : 'not a WeChat id'
    case 'ip':
      return normalizeIp(v) ? null : 'not an IP address'
    case 'device_id':
      return normalizeDeviceId(v) ? null : 'not a device id (or one that many devices share)'
    case 'text_template':
    case 'voiceprint':
      return normalizeText(v) ? null : 'must not be empty'
  }
}
