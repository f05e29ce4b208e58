// Import benchmark: generates N realistic contacts (default 1,000,000) as interchange JSONL and
// imports them into a fresh SQLite store with every identifier link. Prints contacts/s and peak RSS.
// Usage: npx tsx bench/import-bench.ts [N]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { contextFor } from '../src/context.js'
import { importFile } from '../src/intake/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'
import { benchContact, rng, writeJsonl } from './bench-data.js'

const N = Number(process.argv[2] ?? 1_000_000)
const dir = mkdtempSync(join(tmpdir(), 'grayline-bench-'))

const r = rng(42)
const agents = Array.from({ length: 2000 }, r.mobile)

async function generate(file: string): Promise<void> {
  await writeJsonl(file, N, (i) => benchContact(i, { n: N, r, agents }))
}

const threads = new Map<string, { name: string; ticks: number }>()
let peak = 0
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
  sampleThreads()
}, 50)

const file = join(dir, 'contacts.jsonl')
process.stderr.write(`generating ${N} contacts in ${file} …\n`)
await generate(file)
const store = createStore({ kind: 'sqlite', path: join(dir, 'bench.db') })
await migrateToLatest(store.db)
peak = process.memoryUsage().rss
const threadsBefore = new Map(sampleThreads())
const t0 = performance.now()
const cpu0 = process.cpuUsage()
const s = await importFile(contextFor(store), 'contacts', file, {
  onProgress: (p) => p.lines % 100_000 === 0 && process.stderr.write(`  ${p.lines} lines\n`),
})
const seconds = (performance.now() - t0) / 1000
const cpu = process.cpuUsage(cpu0)
clearInterval(sampler)
sampleThreads()
const links = await store.db
  .selectFrom('contact_identifiers')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow()
await store.db.destroy()
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
)
console.log(`input: ${N} contacts, ${(statSync(file).size / 1e6).toFixed(0)} MB JSONL`)
console.log(
  `imported: ${s.inserted} contacts, ${Number(links.n)} identifier links, ${s.rejected} rejected`,
)
console.log(`time: ${seconds.toFixed(1)} s — ${Math.round(N / seconds)} contacts/s`)
// On a shared machine the clock says more about the neighbours than about the import: CPU time
// (every thread of the process: importing, line worker, SQLite's sorter, GC) does not.
console.log(
  `CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ${((cpu.user + cpu.system) / N).toFixed(1)} µs a contact; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
console.log(`CPU by thread (µs a contact): ${threadBreakdown()}`)
console.log(`peak RSS during import: ${(peak / 2 ** 20).toFixed(0)} MB`)
rmSync(dir, { recursive: true, force: true })

/**
 * Each thread's CPU ticks (1/100 s) by thread id, from Linux's /proc task entries, kept from the
 * last sample a thread was seen in: the line worker has ended by the time the import returns.
 */
function sampleThreads(): Map<string, { name: string; ticks: number }> {
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      threads.set(tid, { name, ticks: Number(fields[11]) + Number(fields[12]) })
    }
  } catch {
    // Not Linux: no breakdown.
  }
  return threads
}

/** The import's CPU by thread (the main thread first, then the busiest), in µs a contact. */
function threadBreakdown(): string {
  const spent: [string, number][] = []
  for (const [tid, { name, ticks }] of threads) {
    const used = ticks - (threadsBefore.get(tid)?.ticks ?? 0)
    if (used > 0) spent.push([tid === String(process.pid) ? 'main' : name, used])
  }
  return spent
    .sort((a, b) => (a[0] === 'main' ? -1 : b[0] === 'main' ? 1 : b[1] - a[1]))
    .map(([label, ticks]) => `${label} ${((ticks * 1e4) / N).toFixed(1)}`)
    .join(', ')
}
