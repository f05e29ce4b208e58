// Prints brute-force voice search times over N stored 192-float embeddings (default 1,000,000:
// 768 MB of vectors). Usage: npx tsx bench/voice-search-bench.ts [N] [queries]
import { VoiceIndex } from '../src/voice/library/voice-index.js'

const n = Number(process.argv[2] ?? 1_000_000)
const queries = Number(process.argv[3] ?? 100)
const dim = 192

let seed = 1
function randomVoice(): Float32Array {
  return Float32Array.from({ length: dim }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648 - 0.5
  })
}

const index = new VoiceIndex(dim, n)
for (let i = 0; i < n; i++) index.add(`v${i}`, randomVoice())
const times: number[] = []
for (let q = 0; q < queries; q++) {
  const query = randomVoice()
  const start = performance.now()
  index.search(query, 5, 0.5)
  times.push(performance.now() - start)
}
times.sort((a, b) => a - b)
const pick = (p: number): string =>
  times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1)
console.log(
  `${n} embeddings x ${dim} floats, ${queries} queries: p50 ${pick(0.5)} ms, p99 ${pick(0.99)} ms`,
)
console.log(`heap ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB rss`)
