// Prints voice search times over N stored 192-float embeddings (default 1,000,000), brute force
// against the HNSW index, with the HNSW index's build, write and load times and its recall@10
// against the exact answer. The voices are speaker-like: N/5 speakers of five calls each, a call
// being its speaker's centre plus noise (same-speaker cosine about 0.74, others about 0 ± 0.07),
// and every query a new call of a stored speaker.
// Usage: npx tsx bench/voice-search-bench.ts [N] [queries]   (npm run bench:voice-search)
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HnswVoiceIndex } from '../src/voice/library/hnsw-voice-index.js'
import { VoiceIndex } from '../src/voice/library/voice-index.js'
import type { VoiceHit, VoiceSearchIndex } from '../src/voice/library/voice-index.js'
import { SAME_VOICE_CANDIDATES } from '../src/voice/library/voice-search.js'

const n = Number(process.argv[2] ?? 1_000_000)
const queries = Number(process.argv[3] ?? 200)
const dim = 192
const callsPerSpeaker = 5
const noise = 0.6

/** A deterministic Gaussian stream per (speaker, call): xorshift32 + Box-Muller. */
function gaussians(seed: number, scale: number, out: Float32Array, add = false): void {
  let s = (seed * 2654435761) >>> 0 || 1
  const next = (): number => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return (s + 1) / 4294967297
  }
  for (let i = 0; i < out.length; i++) {
    const g = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()) * scale
    out[i] = add ? out[i]! + g : g
  }
}

function voice(speaker: number, call: number): Float32Array {
  const v = new Float32Array(dim)
  gaussians(speaker + 1, 1, v)
  gaussians(1_000_003 * (call + 1) + speaker, noise, v, true)
  return v
}

const idOf = (i: number): string => `cv_${Math.floor(i / callsPerSpeaker)}_${i % callsPerSpeaker}`
const voiceOf = (i: number): Float32Array =>
  voice(Math.floor(i / callsPerSpeaker), i % callsPerSpeaker)

function build(index: VoiceSearchIndex, label: string): number {
  const start = performance.now()
  for (let i = 0; i < n; i++) {
    index.add(idOf(i), voiceOf(i))
    if ((i + 1) % 100_000 === 0)
      process.stderr.write(
        `${label}: ${i + 1} added, ${((performance.now() - start) / 1000).toFixed(0)} s\n`,
      )
  }
  return (performance.now() - start) / 1000
}

const speakers = Math.floor(n / callsPerSpeaker)
const queryVoices = Array.from({ length: queries }, (_, q) => voice((q * 7919) % speakers, 99))

/** Wall time and the process's own CPU time per query: on a shared machine the wall-clock tail
 * is mostly other processes holding the cores, which CPU time leaves out. */
function timed(
  index: VoiceSearchIndex,
  k: number,
  minScore: number,
): { ms: number[]; cpuMs: number[]; hits: VoiceHit[][] } {
  const ms: number[] = []
  const cpuMs: number[] = []
  const hits: VoiceHit[][] = []
  for (const query of queryVoices) {
    const cpu = process.cpuUsage()
    const start = performance.now()
    hits.push(index.search(query, k, minScore))
    ms.push(performance.now() - start)
    const used = process.cpuUsage(cpu)
    cpuMs.push((used.user + used.system) / 1000)
  }
  return { ms, cpuMs, hits }
}

function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b)
  const pick = (p: number): string =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2)
  return `p50 ${pick(0.5)} ms, p99 ${pick(0.99)} ms`
}

function recall(found: VoiceHit[][], exact: VoiceHit[][]): number {
  let hit = 0
  let total = 0
  found.forEach((hits, q) => {
    const truth = new Set(exact[q]!.map((h) => h.id))
    total += truth.size
    hit += hits.filter((h) => truth.has(h.id)).length
  })
  return total === 0 ? 1 : hit / total
}

const rss = (): string => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB rss`
console.log(`${n} embeddings x ${dim} floats (${speakers} speakers), ${queries} queries`)

const graph = new HnswVoiceIndex(dim, n)
const buildSeconds = build(graph, 'hnsw')
console.log(`hnsw build ${buildSeconds.toFixed(0)} s (M 12, efConstruction 48), ${rss()}`)
const dir = await mkdtemp(join(tmpdir(), 'grayline-hnsw-bench-'))
const file = join(dir, 'calls.hnsw')
let t = performance.now()
await graph.write(file)
const bytes = (await stat(file)).size
console.log(
  `hnsw write ${((performance.now() - t) / 1000).toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(0)} MB`,
)
t = performance.now()
const loaded = await HnswVoiceIndex.read(file)
console.log(
  `hnsw load at start ${((performance.now() - t) / 1000).toFixed(1)} s (${loaded?.size} voices)`,
)
await rm(dir, { recursive: true })

const top10 = timed(loaded ?? graph, 10, -1)
const asUsed = timed(loaded ?? graph, SAME_VOICE_CANDIDATES, 0.5)
console.log(`hnsw top-10: ${percentiles(top10.ms)} (cpu ${percentiles(top10.cpuMs)})`)
console.log(
  `hnsw top-${SAME_VOICE_CANDIDATES} above 0.5 (as the signals search): ${percentiles(asUsed.ms)} (cpu ${percentiles(asUsed.cpuMs)})`,
)

const exactIndex = new VoiceIndex(dim, n)
build(exactIndex, 'exact')
// One exact pass answers both: its top 10, and its calls above 0.5 among the closest 200.
const exact = timed(exactIndex, SAME_VOICE_CANDIDATES, -1)
console.log(`brute force top-${SAME_VOICE_CANDIDATES}: ${percentiles(exact.ms)}`)
const exact10 = exact.hits.map((hits) => hits.slice(0, 10))
const exactUsed = exact.hits.map((hits) => hits.filter((h) => h.score >= 0.5))
console.log(`recall@10 of hnsw against brute force: ${recall(top10.hits, exact10).toFixed(4)}`)
console.log(`recall of same-speaker calls above 0.5: ${recall(asUsed.hits, exactUsed).toFixed(4)}`)
// Recall bought with search time: the same graph searched with more candidates.
const searched = loaded ?? graph
for (const ef of [96, 512, 1024]) {
  searched.efSearch = ef
  const r = timed(searched, SAME_VOICE_CANDIDATES, 0.5)
  console.log(
    `efSearch ${ef}: ${percentiles(r.ms)} (cpu ${percentiles(r.cpuMs)}), same-speaker recall ${recall(r.hits, exactUsed).toFixed(4)}`,
  )
}
console.log(rss())
