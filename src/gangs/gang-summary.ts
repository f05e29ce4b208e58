// What an investigator reads first about a gang: who and how many, through which identifiers,
// with which templates and forged files, since when, over which channels, how bad, and how many
// customers it reached this month. Computed from the graph and the index; the names of
// organisations and the amounts come from the store afterwards (gang.service.ts).
import type { DetectionIndex } from '../detect/detection-index.js'
import type { EdgeKind, GangGraph } from './gang-graph.js'
import { isPersonKey, kindOfKey } from './gang-graph.js'

export type GangSeverity = 'level1' | 'level2'

export type GangSummary = {
  customers: number
  contacts: number
  identifiers: Partial<Record<EdgeKind, number>>
  organizations: { key: string; names: string[] }[]
  agent_phones: string[]
  wechat_ids: string[]
  templates: { key: string; customers: number }[]
  forged_files: { key: string; kinds: string[]; customers: number }[]
  /** Outstanding balances of its customers, in fen, when the customers' records carry them. */
  outstanding_fen: number | null
  first_seen: string | null
  last_seen: string | null
  channels: Record<string, number>
  severity: GangSeverity
  severity_reasons: string[]
  growth_this_month: number
  /** The detector's per-assessment gang ids its contacts carry (see README: how they relate). */
  detector_gang_ids: string[]
}

/** Long lists are cut to the identifiers that reach the most customers. */
const LIST_MAX = 20
const CERTIFICATES = new Set(['medical', 'unemployment'])

export function summariseGang(
  g: GangGraph,
  index: DetectionIndex,
  nodes: readonly string[],
  now: Date,
  detectorGangOf?: (contactIdx: number) => string | undefined,
): GangSummary {
  const members = new Set(nodes)
  const contacts = evidenceContacts(g, members)
  const ids = nodes.filter((n) => !isPersonKey(n))
  const byKind = (kind: EdgeKind) =>
    ids.filter((n) => kindOfKey(n) === kind).sort((a, b) => g.degree(b) - g.degree(a))
  const times = [...contacts].map((i) => index.time(i)).sort((a, b) => a - b)
  const severity = severityOf(index, ids, contacts, g)
  return {
    customers: nodes.filter((n) => n.startsWith('customer:')).length,
    contacts: contacts.size,
    identifiers: countKinds(ids),
    organizations: byKind('organization')
      .slice(0, LIST_MAX)
      .map((key) => ({ key, names: [] })),
    agent_phones: byKind('phone').slice(0, LIST_MAX),
    wechat_ids: byKind('wechat').slice(0, LIST_MAX),
    templates: byKind('text_template')
      .slice(0, LIST_MAX)
      .map((key) => ({ key, customers: g.degree(key) })),
    forged_files: forgedFiles(g, index, byKind('sha256')),
    outstanding_fen: null,
    first_seen: times.length ? new Date(times[0] ?? 0).toISOString() : null,
    last_seen: times.length ? new Date(times[times.length - 1] ?? 0).toISOString() : null,
    channels: countChannels(index, contacts),
    ...severity,
    growth_this_month: newThisMonth(g, index, members, now),
    detector_gang_ids: detectorIds(contacts, detectorGangOf),
  }
}

/** The contacts that are evidence on the gang's own edges. */
export function evidenceContacts(g: GangGraph, members: ReadonlySet<string>): Set<number> {
  const out = new Set<number>()
  for (const node of members) {
    if (!isPersonKey(node)) continue
    g.forEachEdge(node, (_e, a, s, t) => {
      if (members.has(s) && members.has(t)) for (const c of a.contacts) out.add(c)
    })
  }
  return out
}

function countKinds(ids: readonly string[]): Partial<Record<EdgeKind, number>> {
  const out: Partial<Record<EdgeKind, number>> = {}
  for (const n of ids) {
    const k = kindOfKey(n) as EdgeKind
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

function countChannels(index: DetectionIndex, contacts: ReadonlySet<number>) {
  const out: Record<string, number> = {}
  for (const i of contacts) {
    const ch = index.contacts[i]?.channel
    if (ch) out[ch] = (out[ch] ?? 0) + 1
  }
  return out
}

/** Files of evidence kinds (hardship certificates, powers of attorney …) seen for several customers. */
function forgedFiles(g: GangGraph, index: DetectionIndex, hashes: readonly string[]) {
  return hashes.slice(0, LIST_MAX).map((key) => {
    const kinds = new Set<string>()
    const sha = key.slice('sha256:'.length)
    g.forEachEdge(key, (_e, a) => {
      for (const i of a.contacts)
        for (const at of index.contacts[i]?.attachments ?? [])
          if (at.sha256 === sha) kinds.add(at.kind)
    })
    return { key, kinds: [...kinds].sort(), customers: g.degree(key) }
  })
}

/**
 * Level 1 (signs of crime, for people to confirm): victims named its identifiers, it reused a
 * hardship certificate across customers, or it names itself an anti-collection alliance.
 */
function severityOf(
  index: DetectionIndex,
  ids: readonly string[],
  contacts: ReadonlySet<number>,
  g: GangGraph,
): { severity: GangSeverity; severity_reasons: string[] } {
  const reasons: string[] = []
  if (ids.some((n) => index.victimNamed.has(n))) reasons.push('victim_named')
  const certificate = ids.some(
    (n) =>
      n.startsWith('sha256:') &&
      g.degree(n) >= 2 &&
      g.someEdge(n, (_e, a) =>
        a.contacts.some((i) =>
          index.contacts[i]?.attachments.some(
            (at) => CERTIFICATES.has(at.kind) && `sha256:${at.sha256}` === n,
          ),
        ),
      ),
  )
  if (certificate) reasons.push('forged_certificate')
  if ([...contacts].some((i) => index.contacts[i]?.allianceNamed)) reasons.push('alliance')
  return { severity: reasons.length ? 'level1' : 'level2', severity_reasons: reasons }
}

/** Customers whose first contact in the gang fell in the current month (Beijing time). */
function newThisMonth(
  g: GangGraph,
  index: DetectionIndex,
  members: ReadonlySet<string>,
  now: Date,
): number {
  const beijing = new Date(now.getTime() + 8 * 3600_000)
  const monthStart = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), 1) - 8 * 3600_000
  let n = 0
  for (const node of members) {
    if (!node.startsWith('customer:')) continue
    let first = Infinity
    g.forEachEdge(node, (_e, a, s, t) => {
      if (members.has(s) && members.has(t))
        for (const i of a.contacts) first = Math.min(first, index.time(i))
    })
    if (first >= monthStart && first !== Infinity) n++
  }
  return n
}

function detectorIds(
  contacts: ReadonlySet<number>,
  gangOf: ((i: number) => string | undefined) | undefined,
): string[] {
  if (!gangOf) return []
  const ids = new Set<string>()
  for (const i of contacts) {
    const id = gangOf(i)
    if (id) ids.add(id)
  }
  return [...ids].sort()
}
