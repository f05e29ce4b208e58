// Screening benchmark: builds an in-memory detection index over N contacts of history (default
// 1,000,000; a quarter of them from agencies rotating 2,000 phones), then screens 20,000 incoming
// calls — agency numbers, customers' own numbers, unknown numbers — and prints the latency
// distribution and the index's memory. Usage: npx tsx bench/screen-bench.ts [N]
import { cpus, totalmem } from 'node:os'
import type { Contact } from '../src/contract/index.js'
import { Detector, loadRuleSet, screen } from '../src/detect/index.js'

const N = Number(process.argv[2] ?? 1_000_000)
let seed = 7
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T
const mobile = () =>
  `1${pick(['35', '38', '39', '58', '86', '88', '99', '77'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`
const agents = Array.from({ length: 2000 }, mobile)
const customerPhones: string[] = []

const detector = new Detector(loadRuleSet())
const start = Date.parse('2026-01-01T00:00:00+08:00')
const t0 = performance.now()
for (let i = 0; i < N; i++) {
  const customer = `C${i % Math.floor(N * 0.7)}`
  if (i < N * 0.7) {
    const phone = mobile()
    customerPhones.push(phone)
    detector.index.addCustomer({
      customerId: customer,
      nameKey: null,
      identifiers: [`phone:+86${phone}`],
    })
  }
  const agency = rand() < 0.25
  const c: Contact = {
    contact_id: `K${i}`,
    channel: 'call',
    received_at: new Date(start + Math.floor((i / N) * 180 * 86_400_000)).toISOString(),
    customer_id: customer,
    caller: {
      phone: agency ? pick(agents) : (customerPhones[i % customerPhones.length] ?? mobile()),
      role: agency ? 'agent' : 'self',
    },
  }
  detector.index.addContact(c)
  if (i % 200_000 === 0 && i) process.stderr.write(`  ${i} contacts indexed\n`)
}
const buildSeconds = (performance.now() - t0) / 1000
// Warm up: the first screen of each identifier computes its window counts.
for (const a of agents) screen(detector, { phone: a, at: new Date(start + 90 * 86_400_000) })
const times: number[] = []
for (let i = 0; i < 20_000; i++) {
  const phone = i % 3 === 0 ? pick(agents) : i % 3 === 1 ? pick(customerPhones) : mobile()
  const s = performance.now()
  screen(detector, { phone, at: new Date(start + 90 * 86_400_000) })
  times.push(performance.now() - s)
}
times.sort((a, b) => a - b)
const q = (p: number) =>
  (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(3)
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
)
console.log(
  `history: ${N} contacts indexed in ${buildSeconds.toFixed(1)} s; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
)
console.log(`screen() over 20000 calls: median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`)
