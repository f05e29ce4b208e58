// Recomputing the gangs: build the graph from the detector's index, find communities, keep the ids
// of the gangs they continue, summarise, and store it all in one transaction. The CLI and the
// server (after an import is assessed) call the same function.
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import type { Detector } from '../detect/detector.js'
import { buildGangGraph } from './build-gang-graph.js'
import type { Community } from './communities.js'
import { gangCommunities } from './communities.js'
import { enrichSummary } from './gang-enrichment.js'
import type { GangGraph } from './gang-graph.js'
import { kindOfKey } from './gang-graph.js'
import type { Gang, GangEdge, GangRun } from './gang.repository.js'
import { knownGangIds, previousGangs, saveGangRun } from './gang.repository.js'
import { summariseGang } from './gang-summary.js'
import { assignGangIds } from './stable-ids.js'

/** Contact ids kept on an edge as its evidence; the count says how many there were in all. */
const EVIDENCE_PER_EDGE = 20

export type RecomputeResult = Omit<GangRun['stats'], 'ms'> & {
  gangs: number
  merged: number
  dissolved: number
  ms: number
}

export async function recomputeGangs(ctx: Context, detector: Detector): Promise<RecomputeResult> {
  const started = Date.now()
  const index = detector.index
  const g = buildGangGraph(index, detector.settings)
  const communities = gangCommunities(g, index, detector.settings.gang_min_customers)
  const assigned = assignGangIds(
    communities.map((c) => c.persons),
    await previousGangs(ctx.db),
    await knownGangIds(ctx.db),
  )
  const now = ctx.clock.now()
  const gangs: Gang[] = []
  for (const [i, c] of communities.entries()) {
    const summary = summariseGang(g, index, c.nodes, now, (x) => detector.gangOf(x)?.id)
    const enriched = await enrichSummary(ctx.db, g, index, c.nodes, summary)
    gangs.push(gangRow(assigned.ids[i] ?? '', c, enriched, now.toISOString()))
  }
  const gangOf = new Map<string, string>()
  communities.forEach((c, i) => c.nodes.forEach((n) => gangOf.set(n, assigned.ids[i] ?? '')))
  const run: GangRun = {
    runId: randomUUID(),
    computedAt: now.toISOString(),
    gangs,
    members: [...gangOf].map(([node, gang_id]) => ({ gang_id, node, kind: kindOfKey(node) })),
    edges: gangEdges(g, gangOf, (i) => index.contacts[i]?.contactId),
    merged: assigned.merged,
    dissolved: assigned.dissolved,
    stats: { nodes: g.order, edges: g.size, created: assigned.created.length, ms: 0 },
  }
  run.stats.ms = Date.now() - started
  await saveGangRun(ctx.db, run)
  return {
    ...run.stats,
    gangs: gangs.length,
    merged: run.merged.length,
    dissolved: run.dissolved.length,
    ms: Date.now() - started,
  }
}

function gangRow(id: string, c: Community, summary: Gang['summary'], at: string): Gang {
  return {
    gang_id: id,
    status: 'active',
    merged_into: null,
    customers: c.customers,
    contacts: summary.contacts,
    nodes: c.nodes.length,
    severity: summary.severity,
    growth: summary.growth_this_month,
    first_seen: summary.first_seen,
    last_seen: summary.last_seen,
    summary,
    created_at: at,
    computed_at: at,
  }
}

/** Every edge with an end in a gang: its own, and those that reach out of it (for expanding). */
function gangEdges(
  g: GangGraph,
  gangOf: ReadonlyMap<string, string>,
  contactId: (i: number) => string | undefined,
): GangEdge[] {
  const out: GangEdge[] = []
  g.forEachEdge((_e, a, source, target) => {
    const [sg, tg] = [gangOf.get(source) ?? null, gangOf.get(target) ?? null]
    if (!sg && !tg) return
    out.push({
      source,
      target,
      kind: a.kind,
      strong: a.strong,
      source_gang: sg,
      target_gang: tg,
      contact_count: a.contacts.length,
      contacts: a.contacts
        .slice(0, EVIDENCE_PER_EDGE)
        .map(contactId)
        .filter((x): x is string => Boolean(x)),
    })
  })
  return out
}
