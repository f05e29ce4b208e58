// An identifier of the contact matches an agency indicator other institutions confirmed and shared
// (行业协同). Weak to moderate on its own: another institution's confirmation is a lead to verify,
// not a finding here. It says how many other institutions saw it — never which — and its TLP.
import { sharedMatchesOf } from '../shared-indicators.js'
import type { SignalModule } from './signal.js'
import { hit } from './signal.js'

const BASE_WEIGHT = 0.35

export const sharedIndicator: SignalModule = {
  code: 'shared_indicator',
  describes: 'an identifier matches an agency indicator shared by other institutions (token match)',
  detect({ index, contact, settings }) {
    const matches = sharedMatchesOf(index)
    if (!matches.size) return null
    // Links carry phones, WeChat ids, organisation keys and attachments' sha256 alike.
    const found = contact.links
      .filter((l) => !index.isOnFileFor(contact.customerId, l.identifier))
      .map((l) => matches.get(l.identifier))
      .filter((m) => m !== undefined)
    if (!found.length) return null
    const n = Math.max(...found.map((m) => m.seenAt))
    const fp = Math.max(...found.map((m) => m.falsePositives))
    const tlp = `TLP:${found[0]!.tlp.toUpperCase()}`
    const base = settings.signals.shared_indicator?.weight ?? BASE_WEIGHT
    // More institutions, a little more weight; a reported false positive takes it back.
    const weight = Math.max(0.1, base + Math.min(0.15, 0.05 * (n - 1)) - (fp > 0 ? 0.15 : 0))
    const fpEn = fp ? `; ${fp} reported it a false positive` : ''
    const fpZh = fp ? `；${fp} 家报告为误报` : ''
    return hit(
      'shared_indicator',
      weight,
      `命中行业共享的代理机构标识：另有 ${n} 家机构发现（${tlp}${fpZh}）`,
      `matches an agency indicator shared in the consortium: seen at ${n} other institution${n === 1 ? '' : 's'} (${tlp}${fpEn})`,
      found.slice(0, 5).map((m) => ({
        kind: 'identifier' as const,
        id: m.identifier,
        note: `shared indicator, ${tlp}`,
      })),
    )
  },
}
