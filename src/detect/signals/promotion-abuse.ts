// Many accounts on a few devices or IPs asking for compensation or refunds: a promotion-abuse ring.
// Either one device or IP carries many accounts, or several shared devices meet on the same IPs
// (see promotion-rings.ts): a ring that spreads its accounts thin is still one ring.
import { splitIdentifierKey } from '../../links/identifier.js'
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'
import { asksMoneyForItself, ringOfDevice } from '../promotion-rings.js'
import { RING_ACCOUNTS } from '../representative.js'
import type { SignalModule } from './signal.js'
import { hit, identifierRef } from './signal.js'

/**
 * Accounts that asked for money for themselves through one device or IP within the window around
 * this contact (its own account included): a family's tablet carries relatives who ask for nothing.
 */
function askingAround(
  index: DetectionIndex,
  identifier: string,
  contact: ContactFacts,
  windowMs: number,
): number {
  const accounts = new Set<string>(contact.customerId ? [contact.customerId] : [])
  for (const i of index.postings.contactsOf(identifier)) {
    const c = index.contacts[i]
    if (!c?.customerId || Math.abs(c.time - contact.time) > windowMs) continue
    if (asksMoneyForItself(c)) accounts.add(c.customerId)
  }
  return accounts.size
}

export const promotionAbuse: SignalModule = {
  code: 'promotion_abuse',
  describes: 'many accounts on a few devices or IPs asking for compensation',
  detect({ index, contact, settings }) {
    if (!asksMoneyForItself(contact)) return null
    const windowMs = settings.window_days * 86_400_000
    const base = settings.signals.promotion_abuse?.weight ?? 0.6
    for (const l of contact.links) {
      if (l.role !== 'device') continue
      const { kind } = splitIdentifierKey(l.identifier)
      const min = settings.promotion_min_accounts * (kind === 'ip' ? 2 : 1)
      const n = askingAround(index, l.identifier, contact, windowMs)
      if (n < min) continue
      return hit(
        'promotion_abuse',
        base + Math.min(0.25, 0.03 * (n - min)),
        `${kind === 'ip' ? '同一 IP' : '同一设备'}上有 ${n} 个账户申请补偿或退费`,
        `${n} accounts on one ${kind === 'ip' ? 'IP address' : 'device'} asking for compensation or refunds`,
        [identifierRef(l.identifier, `${n} accounts`)],
      )
    }
    // Spread over several devices, it takes a ring's worth of accounts (more than one device needs).
    const min = Math.max(RING_ACCOUNTS, settings.promotion_min_accounts + 1)
    for (const l of contact.links) {
      if (splitIdentifierKey(l.identifier).kind !== 'device') continue
      const ring = ringOfDevice(index, l.identifier)
      if (!ring || ring.accounts < min || ring.devices.length < 2) continue
      return hit(
        'promotion_abuse',
        base + Math.min(0.25, 0.03 * (ring.accounts - min)),
        `本设备与另外 ${ring.devices.length - 1} 台多账户设备经 ${ring.ips.length} 个相同 IP 相连，共 ${ring.accounts} 个账户申请补偿或退费`,
        `this device meets ${ring.devices.length - 1} other multi-account devices on ${ring.ips.length} shared IPs: ${ring.accounts} accounts asking for compensation or refunds`,
        [
          identifierRef(l.identifier, `${ring.accounts} accounts in the ring`),
          ...ring.devices
            .filter((d) => d !== l.identifier)
            .slice(0, 3)
            .map((d) => identifierRef(d)),
          ...ring.ips.slice(0, 3).map((ip) => identifierRef(ip)),
        ],
      )
    }
    return null
  },
}
