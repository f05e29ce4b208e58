// Agglomerative clustering of speech windows by their embeddings, average linkage on cosine: the
// two closest groups merge while their mean similarity reaches the threshold, so a group is
// one voice by the same measure the calibrated threshold holds for whole calls.
import { cosine } from '../library/cosine.js'

/** The cluster of each window (0-based, by order of first appearance). */
export function clusterWindows(embeddings: Float32Array[], threshold: number): number[] {
  const n = embeddings.length
  const sim = embeddings.map((a) => embeddings.map((b) => cosine(a, b)))
  const members: number[][] = embeddings.map((_, i) => [i])
  const alive = new Set(members.keys())
  for (;;) {
    const best = closestPair(sim, alive)
    if (!best || best.score < threshold) break
    merge(sim, members, alive, best.a, best.b)
  }
  const label = new Array<number>(n).fill(-1)
  let next = 0
  for (let i = 0; i < n; i++) {
    if (label[i] !== -1) continue
    const group = [...alive].find((g) => members[g]!.includes(i))!
    for (const m of members[group]!) label[m] = next
    next++
  }
  return label
}

function closestPair(
  sim: number[][],
  alive: Set<number>,
): { a: number; b: number; score: number } | null {
  let best: { a: number; b: number; score: number } | null = null
  const ids = [...alive]
  for (let x = 0; x < ids.length; x++)
    for (let y = x + 1; y < ids.length; y++) {
      const score = sim[ids[x]!]![ids[y]!]!
      if (!best || score > best.score) best = { a: ids[x]!, b: ids[y]!, score }
    }
  return best
}

/** Lance-Williams update for average linkage: the merged group's similarity to every other. */
function merge(
  sim: number[][],
  members: number[][],
  alive: Set<number>,
  a: number,
  b: number,
): void {
  const na = members[a]!.length
  const nb = members[b]!.length
  for (const k of alive) {
    if (k === a || k === b) continue
    const s = (na * sim[a]![k]! + nb * sim[b]![k]!) / (na + nb)
    sim[a]![k] = s
    sim[k]![a] = s
  }
  members[a] = [...members[a]!, ...members[b]!]
  alive.delete(b)
}
