// Identifiers already on the watchlist: exact values and keyed-hash tokens.
import type { SignalModule } from './signal.js'
import { hit } from './signal.js'

export const watchlistSignal: SignalModule = {
  code: 'watchlist',
  describes: 'an identifier of the contact is on the watchlist (exact or keyed-hash hit)',
  detect({ index, contact, settings }) {
    // Numbers are recycled: a listed number now on file for this very customer is theirs, not the agency's.
    const hits = contact.links.flatMap((l) => {
      const listed = index.watchHits(l.identifier, contact.time)
      return listed.length && !index.isOnFileFor(contact.customerId, l.identifier) ? listed : []
    })
    const first = hits[0]
    if (!first) return null
    const labels = [...new Set(hits.map((h) => h.label))].slice(0, 3).join('；')
    return hit(
      'watchlist',
      settings.signals.watchlist?.weight ?? 0.6,
      `命中关注名单：${labels}（来源：${first.source}${first.keyed ? '，密钥哈希匹配' : ''}）`,
      `on the watchlist: ${labels} (source: ${first.source}${first.keyed ? ', keyed-hash match' : ''})`,
      hits
        .slice(0, 5)
        .map((h) => ({ kind: 'watchlist' as const, id: h.identifier, note: h.label })),
    )
  },
}
