// Import benchmark: generates N realistic contacts (default 1,000,000) as interchange JSONL and
// imports them into a fresh SQLite store with every identifier link. Prints contacts/s and peak RSS.
// Usage: npx tsx bench/import-bench.ts [N]
import { mkdtempSync, rmSync, statSync } from 'node:fs'
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

let peak = 0
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)

const file = join(dir, 'contacts.jsonl')
process.stderr.write(`generating ${N} contacts in ${file} …\n`)
await generate(file)
const store = createStore({ kind: 'sqlite', path: join(dir, 'bench.db') })
await migrateToLatest(store.db)
peak = process.memoryUsage().rss
const t0 = performance.now()
const cpu0 = process.cpuUsage()
const s = await importFile(contextFor(store), 'contacts', file, {
  onProgress: (p) => p.lines % 100_000 === 0 && process.stderr.write(`  ${p.lines} lines\n`),
})
const seconds = (performance.now() - t0) / 1000
const cpu = process.cpuUsage(cpu0)
clearInterval(sampler)
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
console.log(`peak RSS during import: ${(peak / 2 ** 20).toFixed(0)} MB`)
rmSync(dir, { recursive: true, force: true })
