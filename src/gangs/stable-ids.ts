// Gang ids that survive recomputation: each new community takes the id of the previous gang it
// shares most members with, provided they are a majority of either side. A gang that split keeps
// its id in its larger part; gangs that merged live on in the one with the most members carried
// over, the others are recorded as merged into it; a gang whose members scattered is dissolved.
import { createHash } from 'node:crypto'

export type PreviousGang = { gangId: string; persons: readonly string[] }

export type IdAssignment = {
  /** One id per community, in the order given. */
  ids: string[]
  created: string[]
  merged: { gangId: string; into: string }[]
  dissolved: string[]
}

export function assignGangIds(
  communities: readonly (readonly string[])[],
  previous: readonly PreviousGang[],
  knownIds: ReadonlySet<string> = new Set(),
): IdAssignment {
  const overlaps = overlapCounts(communities, previous)
  const ids = new Array<string | undefined>(communities.length)
  const taken = new Set<string>()
  for (const o of overlaps) {
    const size = communities[o.community]?.length ?? 0
    const prevSize = previous[o.previous]?.persons.length ?? 0
    const gangId = previous[o.previous]?.gangId
    if (ids[o.community] || !gangId || taken.has(gangId)) continue
    if (o.shared * 2 <= size && o.shared * 2 <= prevSize) continue
    ids[o.community] = gangId
    taken.add(gangId)
  }
  const created: string[] = []
  const used = new Set([...knownIds, ...taken])
  const final = communities.map((persons, i) => {
    const kept = ids[i]
    if (kept) return kept
    const id = newGangId(persons, used)
    used.add(id)
    created.push(id)
    return id
  })
  const { merged, dissolved } = leftBehind(previous, taken, overlaps, final)
  return { ids: final, created, merged, dissolved }
}

type Overlap = { community: number; previous: number; shared: number }

/** Every (community, previous gang) pair sharing members, most shared first. */
function overlapCounts(
  communities: readonly (readonly string[])[],
  previous: readonly PreviousGang[],
): Overlap[] {
  const gangOf = new Map<string, number>()
  previous.forEach((p, i) => p.persons.forEach((m) => gangOf.set(m, i)))
  const out: Overlap[] = []
  communities.forEach((persons, community) => {
    const counts = new Map<number, number>()
    for (const m of persons) {
      const g = gangOf.get(m)
      if (g !== undefined) counts.set(g, (counts.get(g) ?? 0) + 1)
    }
    for (const [prev, shared] of counts) out.push({ community, previous: prev, shared })
  })
  return out.sort((a, b) => b.shared - a.shared || a.community - b.community)
}

function leftBehind(
  previous: readonly PreviousGang[],
  taken: ReadonlySet<string>,
  overlaps: readonly Overlap[],
  ids: readonly string[],
): { merged: IdAssignment['merged']; dissolved: string[] } {
  const merged: IdAssignment['merged'] = []
  const dissolved: string[] = []
  previous.forEach((p, i) => {
    if (taken.has(p.gangId)) return
    // overlaps are sorted, so the first one of this gang is where most of its members went.
    const best = overlaps.find((o) => o.previous === i)
    const into = best ? ids[best.community] : undefined
    if (best && into && best.shared * 2 > p.persons.length) merged.push({ gangId: p.gangId, into })
    else dissolved.push(p.gangId)
  })
  return { merged, dissolved }
}

/** `TH-` (团伙) and a hash of the first member: reproducible, and never one already in use. */
export function newGangId(persons: readonly string[], used: ReadonlySet<string>): string {
  const first = [...persons].sort()[0] ?? ''
  const base = `TH-${createHash('sha1').update(first).digest('hex').slice(0, 10)}`
  let id = base
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`
  return id
}
