// Import benchmark: generates N realistic contacts (default 1,000,000) as interchange JSONL and
// imports them into a fresh SQLite store with every identifier link. Prints contacts/s and peak RSS.
// Usage: npx tsx bench/import-bench.ts [N]
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { contextFor } from '../src/context.js'
import { importFile } from '../src/intake/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'

const N = Number(process.argv[2] ?? 1_000_000)
const dir = mkdtempSync(join(tmpdir(), 'grayline-bench-'))

// mulberry32: integer arithmetic only, so a million draws stay distinct (floating-point LCGs collapse).
let seed = 42
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('')
const mobile = () => `1${pick(['35', '38', '39', '58', '86', '88', '99', '77'])}${digits(8)}`
const forms = [
  (p: string) => p,
  (p: string) => `+86-${p}`,
  (p: string) => `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`,
  (p: string) => `0086${p}`,
]
const texts = [
  '本人因疫情失业，收入中断，无力偿还贵司借款，现申请停息挂账，只还本金，分期60期。请勿再联系借款人本人，一切事宜由代理人处理。',
  '我上个月的还款已经按时还了，但是系统显示逾期，催收电话一直打到我单位，影响很大，请尽快核实处理。',
  '为什么我的账单多扣了一笔利息？我提前还款了，希望退还多收的费用。',
  '客户来电咨询还款计划，希望延期几天还款，已记录并告知政策。',
]
const agents = Array.from({ length: 2000 }, mobile)

async function generate(file: string): Promise<void> {
  const out = createWriteStream(file)
  const start = Date.parse('2026-01-01T00:00:00+08:00')
  for (let i = 0; i < N; i++) {
    const agency = rand() < 0.25
    const customer = `C${Math.floor(rand() * N * 0.7)}`
    const channel = pick(['call', 'call', 'app_feedback', 'online_ticket', 'regulator', 'letter'])
    const contact = {
      contact_id: `K${i}`,
      channel,
      source: channel === 'regulator' ? pick(['12378', '12363']) : 'hotline',
      received_at: new Date(start + Math.floor((i / N) * 180 * 86_400_000)).toISOString(),
      customer_id: customer,
      claimed: { name: '王建国', phone: pick(forms)(mobile()) },
      caller: {
        phone: pick(forms)(agency ? pick(agents) : mobile()),
        role: agency ? pick(['self', 'agent', 'friend']) : 'self',
        ...(agency ? { organization: `深圳市信和${i % 300}法务咨询有限公司` } : {}),
      },
      text: pick(texts),
      demands: agency ? ['停息挂账', '减免利息'] : [],
      ...(channel === 'app_feedback' || channel === 'online_ticket'
        ? {
            network: {
              ip: `10.${i % 250}.${(i >> 8) % 250}.${i % 200}`,
              device_id: `dev-${Math.floor(rand() * N)}`,
            },
          }
        : {}),
      ...(agency && rand() < 0.3
        ? { attachments: [{ kind: 'poa', sha256: digits(64).replace(/[89]/g, 'a') }] }
        : {}),
    }
    if (!out.write(`${JSON.stringify(contact)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
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
const s = await importFile(contextFor(store), 'contacts', file, {
  onProgress: (p) => p.lines % 100_000 === 0 && process.stderr.write(`  ${p.lines} lines\n`),
})
const seconds = (performance.now() - t0) / 1000
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
console.log(`peak RSS during import: ${(peak / 2 ** 20).toFixed(0)} MB`)
rmSync(dir, { recursive: true, force: true })
