// Many accounts on a few devices or IPs asking for compensation or refunds: a promotion-abuse ring.
import { splitIdentifierKey } from '../../links/identifier.js'
import type { SignalModule } from './signal.js'
import { hit, identifierRef } from './signal.js'

const MONEY_ASK = /退还|退费|退款|补偿|赔偿|返现|优惠券|红包|免息券|奖励|减免/

export const promotionAbuse: SignalModule = {
  code: 'promotion_abuse',
  describes: 'many accounts on a few devices or IPs asking for compensation',
  detect({ index, contact, settings }) {
    if (contact.channel === 'call') return null
    // A ring's accounts ask for themselves, in few words; a representative's letter is another matter.
    if ((contact.callerRole && contact.callerRole !== 'self') || contact.grayScore >= 0.4)
      return null
    const asks =
      contact.demands.some((d) => MONEY_ASK.test(d)) ||
      contact.grayHits.some((h) => MONEY_ASK.test(h))
    if (!asks) return null
    const windowMs = settings.window_days * 86_400_000
    for (const l of contact.links) {
      if (l.role !== 'device') continue
      const { kind } = splitIdentifierKey(l.identifier)
      const min = settings.promotion_min_accounts * (kind === 'ip' ? 2 : 1)
      const n = index.postings.customersAround(l.identifier, contact, windowMs, index)
      if (n < min) continue
      return hit(
        'promotion_abuse',
        (settings.signals.promotion_abuse?.weight ?? 0.6) + Math.min(0.25, 0.03 * (n - min)),
        `${kind === 'ip' ? '同一 IP' : '同一设备'}上有 ${n} 个账户申请补偿或退费`,
        `${n} accounts on one ${kind === 'ip' ? 'IP address' : 'device'} asking for compensation or refunds`,
        [identifierRef(l.identifier, `${n} accounts`)],
      )
    }
    return null
  },
}
