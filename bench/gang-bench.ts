// Community detection at scale (issue #9): a gang graph of 1,000,000 identifiers — agencies whose
// phones, WeChat ids, organisations, devices and forged files each speak for dozens of clients, and
// the long tail of agents' numbers seen for one customer — built as the gang graph is, then Louvain
// and the stable-id matching against the previous run. Prints times and peak RSS.
// Run: npm run bench:gangs [-- IDENTIFIERS]   (default 1,000,000; target: Louvain under 60 s)
import type { EdgeKind, GangGraph } from '../src/gangs/index.js'
import {
  addEvidence,
  assignGangIds,
  emptyGangGraph,
  louvainCommunities,
  rejoinSplitAgencies,
  seededRandom,
} from '../src/gangs/index.js'

const IDENTIFIERS = Number(process.argv[2] ?? 1_000_000)
/** Each agency: this many shared identifiers, and clients in proportion. */
const AGENCY_IDENTIFIERS = 8
const CLIENTS_PER_AGENCY = [20, 150] as const
/** Share of identifiers that belong to agencies; the rest are one-customer agents' numbers. */
const AGENCY_SHARE = 0.04
const KINDS: EdgeKind[] = ['phone', 'wechat', 'organization', 'device', 'sha256', 'email']

const random = seededRandom(9)
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))

function build(): { g: GangGraph; customers: number } {
  const g = emptyGangGraph()
  const agencies = Math.round((IDENTIFIERS * AGENCY_SHARE) / AGENCY_IDENTIFIERS)
  let customer = 0
  let identifier = 0
  let contact = 0
  const edge = (strong: boolean, kind: EdgeKind) => ({ kind, strong, weight: strong ? 1 : 0.5 })
  for (let a = 0; a < agencies; a++) {
    const ids = Array.from({ length: AGENCY_IDENTIFIERS }, (_, i) => {
      const kind = KINDS[i % KINDS.length] ?? 'phone'
      return { key: `${kind}:a${a}-${identifier++}`, kind }
    })
    const clients = int(...CLIENTS_PER_AGENCY)
    for (let c = 0; c < clients; c++) {
      const person = `customer:C${customer++}`
      // Each client meets two or three of the agency's identifiers.
      for (let k = int(2, 3); k > 0; k--) {
        const id = ids[int(0, ids.length - 1)] ?? ids[0]
        if (id) addEvidence(g, person, id.key, edge(true, id.kind), contact++)
      }
      // A few clients also meet another agency's number (agents move, numbers are resold).
      if (random() < 0.02 && a > 0)
        addEvidence(g, person, `phone:a${a - 1}-${identifier - 9}`, edge(false, 'phone'), contact++)
    }
  }
  // The long tail: an agent's number seen once, for one customer of the book.
  while (identifier < IDENTIFIERS) {
    const person = `customer:C${int(0, Math.max(customer * 4, 1))}`
    addEvidence(g, person, `phone:t${identifier++}`, edge(false, 'phone'), contact++)
  }
  return { g, customers: customer }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}

let t = performance.now()
const { g, customers } = build()
const buildMs = performance.now() - t
console.log(
  `graph: ${g.order.toLocaleString()} nodes (${IDENTIFIERS.toLocaleString()} identifiers, ${customers.toLocaleString()} agency clients), ${g.size.toLocaleString()} edges — built in ${(buildMs / 1000).toFixed(1)} s`,
)

t = performance.now()
// CPU time beside wall time: on a machine shared with other work the wall clock says little.
const cpu = process.cpuUsage()
const mapping = rejoinSplitAgencies(g, louvainCommunities(g))
const louvainMs = performance.now() - t
const used = process.cpuUsage(cpu)
const louvainCpu = (used.user + used.system) / 1e6
const byCommunity = new Map<number, string[]>()
for (const [node, c] of mapping) {
  if (!node.startsWith('customer:')) continue
  const list = byCommunity.get(c)
  if (list) list.push(node)
  else byCommunity.set(c, [node])
}
const gangs = [...byCommunity.values()].filter((p) => p.length >= 3)
console.log(
  `louvain: ${byCommunity.size.toLocaleString()} communities, ${gangs.length.toLocaleString()} of 3+ customers (Louvain, then split agencies rejoined) — ${(louvainMs / 1000).toFixed(1)} s`,
)

t = performance.now()
const first = assignGangIds(gangs, [])
const previous = gangs.map((persons, i) => ({ gangId: first.ids[i] ?? '', persons }))
const again = assignGangIds(gangs, previous)
const kept = again.ids.filter((id, i) => id === first.ids[i]).length
console.log(
  `stable ids: ${kept.toLocaleString()} of ${gangs.length.toLocaleString()} kept on recomputation — ${((performance.now() - t) / 1000).toFixed(1)} s`,
)

const peak = process.resourceUsage().maxRSS * 1024
console.log(
  `community detection (Louvain + rejoin): ${(louvainMs / 1000).toFixed(1)} s wall, ${louvainCpu.toFixed(1)} s CPU (target < 60 s); peak RSS ${mb(peak)}`,
)
