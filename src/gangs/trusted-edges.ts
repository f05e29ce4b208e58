// Which identifiers may join customers into a gang, by the rules detection's own gangs follow
// (src/detect/gangs.ts): an identifier that spoke for enough customers, or that a victim or the
// watchlist named, is strong; one two customers share is weak; a household's tablet or Wi-Fi,
// whose users write as themselves, joins nothing, and neither does a name or a law firm.
import type { DetectionIndex } from '../detect/detection-index.js'
import { deviceSpeaksForOthers } from '../detect/representative.js'
import { ringOfDevice } from '../detect/promotion-rings.js'
import type { DetectionSettings } from '../detect/rules/rule-set.js'
import { fanOutKind } from '../detect/signals/fan-out.js'
import { splitIdentifierKey } from '../links/identifier.js'
import type { EdgeKind } from './gang-graph.js'

export type Trust = 'strong' | 'weak' | 'single' | null

const JOINING_KINDS = new Set<string>(['phone', 'wechat', 'email', 'organization', 'device'])

/** Weights for Louvain: a weak or single-customer edge still belongs, it just pulls less. */
export const TRUST_WEIGHT = { strong: 1, weak: 0.5, single: 1, content: 0.5 } as const

/** IPs detection trusts: only those a promotion ring's phones came through (never a carrier NAT). */
export function ringIps(index: DetectionIndex): Set<string> {
  const ips = new Set<string>()
  for (const identifier of index.postings.keys()) {
    if (!identifier.startsWith('device:')) continue
    for (const ip of ringOfDevice(index, identifier)?.ips ?? []) ips.add(ip)
  }
  return ips
}

export function edgeKindOf(identifier: string, ringIpSet: ReadonlySet<string>): EdgeKind | null {
  const { kind } = splitIdentifierKey(identifier)
  if (kind === 'sha256') return 'sha256'
  if (kind === 'ip') return ringIpSet.has(identifier) ? 'ip' : null
  if (!JOINING_KINDS.has(kind) || fanOutKind(identifier) === 'law_firm') return null
  return kind as EdgeKind
}

/** How far detection trusts an identifier to join the customers it spoke for. */
export function trustOf(
  index: DetectionIndex,
  identifier: string,
  kind: EdgeKind,
  s: DetectionSettings,
): Trust {
  const named =
    index.victimNamed.has(identifier) || index.watchHits(identifier, Date.now()).length > 0
  if (named) return 'strong'
  // A promotion ring's phones ask for themselves, not for others: the ring itself is the evidence.
  if (kind === 'device' && ringOfDevice(index, identifier)) return 'strong'
  if (kind !== 'ip' && !deviceSpeaksForOthers(index, identifier, s)) return null
  const min =
    kind === 'sha256' ? s.reuse_min_customers : (s.fan_out_min_customers[kind] ?? Infinity)
  const customers = index.postings.totalCustomers(identifier, s.window_days * 86_400_000, index)
  if (kind === 'ip' || customers >= min) return 'strong'
  return customers >= 2 ? 'weak' : 'single'
}
