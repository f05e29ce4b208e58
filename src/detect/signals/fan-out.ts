// One phone / WeChat / email / organisation / device / IP speaking for many distinct customers
// within the window: the plainest mark of an agency. Thresholds differ by kind — a household's
// Wi-Fi is shared by a few unrelated people, an agent's mobile should never be.
import { splitIdentifierKey } from '../../links/identifier.js'
import { deviceSpeaksForOthers, speaksLikeRepresentative } from '../representative.js'
import type { SignalHit, SignalModule } from './signal.js'
import { hit, identifierRef } from './signal.js'

const KIND_ZH: Record<string, string> = {
  phone: '电话',
  wechat: '微信号',
  email: '邮箱',
  organization: '机构',
  device: '设备',
  ip: 'IP 地址',
  agent_name: '代理人姓名',
}
/** Kinds that are weak alone: shared by chance (IP) or by name collision (agent_name). A law firm
 * (`law_firm`) has many lawful clients: it has no threshold in the default rules and is judged by the
 * material standards; a fake firm is caught by its phones, templates and documents. */
const WEAK = new Set(['ip', 'agent_name', 'law_firm'])

/** The threshold kind of an identifier: a law firm's name is counted apart from other organisations. */
export function fanOutKind(identifier: string): string {
  const { kind, value } = splitIdentifierKey(identifier)
  return kind === 'organization' && value.endsWith('律师') ? 'law_firm' : kind
}
const ROLES = new Set(['caller', 'participant', 'organization', 'device'])

export const fanOut: SignalModule = {
  code: 'fan_out',
  describes: 'one identifier speaking for many distinct customers within the window',
  detect({ index, contact, settings }) {
    const windowMs = settings.window_days * 86_400_000
    let best: { identifier: string; kind: string; n: number } | null = null
    for (const l of contact.links) {
      if (!ROLES.has(l.role)) continue
      const kind = fanOutKind(l.identifier)
      const min = settings.fan_out_min_customers[kind]
      if (!min) continue
      // A network many share by chance says nothing of a customer writing as themselves through it.
      if (WEAK.has(kind) && !speaksLikeRepresentative(index, contact)) continue
      const n = index.postings.customersAround(l.identifier, contact, windowMs, index)
      if (n < min || !deviceSpeaksForOthers(index, l.identifier, settings)) continue
      const score = (n / min) * (WEAK.has(kind) ? 0.5 : 1)
      if (
        !best ||
        score >
          (best.n / (settings.fan_out_min_customers[best.kind] ?? 1)) *
            (WEAK.has(best.kind) ? 0.5 : 1)
      )
        best = { identifier: l.identifier, kind, n }
    }
    return best
      ? describe(
          best,
          settings.signals.fan_out?.weight ?? 0.6,
          settings.fan_out_min_customers[best.kind] ?? 3,
          settings.window_days,
        )
      : null
  },
}

function describe(
  b: { identifier: string; kind: string; n: number },
  base: number,
  min: number,
  days: number,
): SignalHit {
  const growth = Math.min(0.3, 0.06 * (b.n - min))
  const weight = WEAK.has(b.kind) ? base * 0.45 + growth / 2 : base + growth
  const zh = `同一${KIND_ZH[b.kind] ?? b.kind}在 ${days} 天内为 ${b.n} 位不同客户出面`
  const en = `one ${b.kind.replace('_', ' ')} spoke for ${b.n} different customers within ${days} days`
  return hit('fan_out', weight, zh, en, [identifierRef(b.identifier, `${b.n} customers`)])
}
