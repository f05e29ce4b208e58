// API benchmark (issue #4): POST /api/screen under load and the workbench's queue and detail,
// served by the real `grayline serve` over a SQLite store of N contacts (default 1,000,000).
//
// 1. The store (data/bench/api-<N>.db, reused while data/bench/api-<N>.json says it is complete
//    and of this shape; each run works on a copy) holds 0.7 N customers with their own phones on
//    file and N contacts from bench/bench-data.ts: a quarter from agencies rotating 2,000 phones
//    for many customers, the rest genuine customers, 85% of them from their own phone and the
//    others from a new phone. Both files go through the real import, with every identifier link;
//    100 agency phones are put on the watchlist.
//    The stored assessments (what the workbench shows) are NOT produced by `assessFiles`: on this
//    machine it took 172 s to assess 100,000 such contacts (after a 32 s import), far too slow
//    for a million. They are written directly through the real repository (saveAssessments),
//    close to what the detector gave that 100,000 sample (high 30%, low 19%, medium 0.4%, none
//    51%): agency contacts high (5% medium) with fan_out / impersonation / gang_link / refusal /
//    watchlist signals and a gang id per agency, a contact from a customer's new phone low with
//    caller_mismatch, 10% of own-phone contacts low with orchestrated_repeats, the rest none; 1%
//    of agency and new-phone contacts carry a review. Screening is unaffected: the server builds
//    its own detection index from the contacts, and its answers are the real detector's.
// 2. API tokens are created in the store (roles agent and handler), the server is started as a
//    child process on a free port (node --import tsx src/cli/index.ts serve, what `npx tsx` runs;
//    serve runs the server in a node of its own with a larger young generation, whose pid is
//    the one measured, and on two cores or more a screening replica thread beside it;
//    GRAYLINE_SCREEN_REPLICAS=0 measures the server's thread alone), and once it is ready a
//    second process (a fork of this script, using the autocannon API) POSTs /api/screen with a mix of bodies — agency phones,
//    customers' own phones, unknown numbers, in the formats people type — first a warm-up, then
//    at full speed, then at the issue's 5,000 requests/s.
//    For scale, the same load then goes to a bare Fastify route echoing the bodies in a process
//    of its own: the most this machine serves at all at that moment.
// 3. The workbench queue (first page unfiltered, by risk, by channel) and a flagged contact's
//    detail are each asked 200 times in a row with the handler's token.
// The machine, the store's size, the server's load time and peak RSS, and the CPU the server,
// the load generator and everything else used during the measured run are printed with the figures.
//
// Usage: npx tsx bench/api-bench.ts [--contacts N] [--duration S] [--connections C] [--rate R]
//                                   [--rebuild] [--cpu-prof] [--node-flags "FLAGS"]
// --cpu-prof writes the server's CPU profile to data/bench/prof; --node-flags passes flags to the
// server's node (e.g. "--max-semi-space-size=64").
import { fork, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import type { Result as CannonResult } from 'autocannon'
import { sql } from 'kysely'
import { createApiToken } from '../src/access/index.js'
import type { Category, Risk, Severity, Signal } from '../src/contract/index.js'
import { contextFor } from '../src/context.js'
import type { Context } from '../src/context.js'
import type { ScoredAssessment } from '../src/detect/index.js'
import { loadRuleSet, saveAssessments } from '../src/detect/index.js'
import { importFile } from '../src/intake/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'
import type { Store } from '../src/store/index.js'
import { migrations } from '../src/store/migrations/index.js'
import { recordReviews } from '../src/workbench/index.js'
import {
  HISTORY_DAYS,
  HISTORY_START,
  benchContact,
  benchCustomer,
  customerName,
  customerPhone,
  phoneForms,
  rng,
  writeJsonl,
} from './bench-data.js'

/** Bump when the generated store changes shape: older stores are rebuilt. */
const STORE_VERSION = 1
const SEED = 20_260_401
const AGENTS = 2000
const WATCHLISTED = 100
const OWN_PHONE_SHARE = 0.85
const HISTORY_END = HISTORY_START + HISTORY_DAYS * 86_400_000
/** Screening asks "as of" the end of the history: the contacts lie in the first half of 2026. */
const SCREEN_AT = new Date(HISTORY_END).toISOString()

const here = fileURLToPath(import.meta.url)
const root = resolve(here, '..', '..')

// ---------------------------------------------------------------------------------------------
// The load generator: a forked copy of this script, so that autocannon never shares a process
// with the bench's own bookkeeping.

type Phase = { name: string; seconds: number; connections: number; rate?: number }
type LoadPlan = { url: string; token: string; bodies: string[]; phases: Phase[] }
type FromLoad =
  | { type: 'start'; phase: string }
  | {
      type: 'done'
      phase: string
      result: CannonSummary
      cpuSeconds: number
    }
type CannonSummary = Pick<
  CannonResult,
  'duration' | 'errors' | 'timeouts' | 'non2xx' | '2xx' | 'connections'
> & {
  requestsMean: number
  requestsTotal: number
  latency: { mean: number; p50: number; p90: number; p99: number; max: number }
}

async function runLoadGenerator(): Promise<void> {
  const plan = await new Promise<LoadPlan>((ok) =>
    process.once('message', (m) => ok(m as LoadPlan)),
  )
  const send = (m: FromLoad) => process.send?.(m)
  let next = Math.floor(Math.random() * plan.bodies.length)
  for (const phase of plan.phases) {
    send({ type: 'start', phase: phase.name })
    const cpu0 = process.cpuUsage()
    const result = await autocannon({
      url: plan.url,
      connections: phase.connections,
      duration: phase.seconds,
      ...(phase.rate ? { overallRate: phase.rate } : {}),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}` },
      requests: [
        {
          method: 'POST',
          path: '/api/screen',
          setupRequest: (req) => ({ ...req, body: plan.bodies[next++ % plan.bodies.length] }),
        },
      ],
    })
    const cpu = process.cpuUsage(cpu0)
    send({
      type: 'done',
      phase: phase.name,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      result: {
        duration: result.duration,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        '2xx': result['2xx'],
        connections: result.connections,
        requestsMean: result.requests.average,
        requestsTotal: result.requests.total,
        latency: {
          mean: result.latency.mean,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
        },
      },
    })
  }
  process.disconnect()
}

// ---------------------------------------------------------------------------------------------

type Args = {
  contacts: number
  seconds: number
  connections: number
  rate: number
  rebuild: boolean
  cpuProf: boolean
  /** Flags for the server's node, e.g. "--max-semi-space-size=64". */
  nodeFlags: string[]
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag)
    const n = i >= 0 ? Number(argv[i + 1]) : fallback
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag}: expected a positive number`)
    return n
  }
  return {
    contacts: Math.floor(value('--contacts', 1_000_000)),
    seconds: value('--duration', 20),
    connections: Math.floor(value('--connections', 50)),
    rate: value('--rate', 5000),
    rebuild: argv.includes('--rebuild'),
    cpuProf: argv.includes('--cpu-prof'),
    nodeFlags: (argv.includes('--node-flags') ? (argv[argv.indexOf('--node-flags') + 1] ?? '') : '')
      .split(' ')
      .filter(Boolean),
  }
}

const say = (line: string) => process.stderr.write(`${line}\n`)
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`
const elapsed = (since: number) => (performance.now() - since) / 1000

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const N = args.contacts
  const dir = join(root, 'data', 'bench')
  const dbFile = join(dir, `api-${N}.db`)
  const metaFile = join(dir, `api-${N}.json`)
  mkdirSync(dir, { recursive: true })

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`
  say(
    `machine: ${machine}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )

  let meta = args.rebuild ? null : await reusableMeta(metaFile, dbFile, N)
  if (meta) say(`reusing ${dbFile} (built ${meta.built_at} in ${meta.build_seconds.toFixed(0)} s)`)
  else meta = await buildStore(N, dir, dbFile, metaFile)
  const storeBytes = statSync(dbFile).size

  // The server runs on a copy: what it writes (audit, call scripts, tokens) never accumulates in
  // the built store, and every run starts from the same state.
  const runFile = join(dir, `api-${N}.run.db`)
  const removeRun = () => ['', '-wal', '-shm'].forEach((x) => rmSync(runFile + x, { force: true }))
  removeRun()
  say(`copying the store to ${runFile} …`)
  copyFileSync(dbFile, runFile)
  if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${runFile}-wal`)

  // Tokens, the flagged contact to open, and the audit count, before the server owns the store.
  const store = createStore({ kind: 'sqlite', path: runFile })
  const ctx = contextFor(store)
  const agentToken = await createApiToken(ctx, {
    name: `api-bench agent ${Date.now()}`,
    role: 'agent',
    createdBy: 'api-bench',
  })
  const handlerToken = await createApiToken(ctx, {
    name: `api-bench handler ${Date.now()}`,
    role: 'handler',
    createdBy: 'api-bench',
  })
  const flagged = await store.db
    .selectFrom('contacts')
    .innerJoin('assessments', 'assessments.contact_id', 'contacts.contact_id')
    .select('contacts.contact_id')
    .where('assessments.risk', '=', 'high')
    .where('contacts.received_at', '>=', new Date(HISTORY_END - 86_400_000).toISOString())
    .orderBy('contacts.received_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  const screensBefore = await auditCount(store)
  await store.db.destroy()

  const server = await startServer(runFile, await freePort(), [
    ...args.nodeFlags,
    ...(args.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`] : []),
  ])
  let loads: PhaseReport[] = []
  let floor: PhaseReport[] = []
  let firstScreen: { agencyMs: number; customerMs: number }
  let workbench: WorkbenchReport[] = []
  try {
    firstScreen = await firstScreens(server.url, agentToken.token, N)
    const bodies = screenBodies(N)
    loads = await runLoad(server, agentToken.token, bodies, [
      { name: 'warm-up', seconds: 5, connections: args.connections },
      {
        name: 'POST /api/screen, full speed',
        seconds: args.seconds,
        connections: args.connections,
      },
      {
        name: `POST /api/screen at ${args.rate}/s`,
        seconds: args.seconds,
        connections: args.connections,
        rate: args.rate,
      },
    ])
    floor = await measureFloor(bodies, args)
    workbench = await measureWorkbench(server.url, handlerToken.token, flagged.contact_id)
  } finally {
    await server.stop()
  }

  const after = createStore({ kind: 'sqlite', path: runFile })
  const screensAudited = (await auditCount(after)) - screensBefore
  await after.db.destroy()
  removeRun()

  const screened = loads.reduce((n, l) => n + l.result['2xx'], 0) + 2
  const lines = [
    `machine: ${machine}`,
    `store: ${N.toLocaleString('en')} contacts, ${meta.customers.toLocaleString('en')} customers, ${meta.links.toLocaleString('en')} identifier links, ${(storeBytes / 1e9).toFixed(2)} GB on disk (SQLite)`,
    `assessments: written directly, close to the detector's mix on a sample, not by assessFiles (see the header): ${meta.risks}`,
    `server${args.nodeFlags.length ? ` (node ${args.nodeFlags.join(' ')})` : ''}: ready ${server.readySeconds.toFixed(1)} s after start (detection index ${server.indexSeconds.toFixed(1)} s${server.consoleBuilt ? ', after building the console' : ''}), RSS ${mb(server.readyRss)} when ready, peak RSS ${mb(server.peakRss())}`,
    `first screenings after start: agency phone ${ms(firstScreen.agencyMs)}, customer's own phone ${ms(firstScreen.customerMs)}`,
    ...loads.filter((l) => l.phase.name !== 'warm-up').map(describeLoad),
    ...floor.filter((l) => l.phase.name !== 'warm-up').map(describeLoad),
    `audit: ${screensAudited} screening events written for ${screened} screening responses counted (autocannon leaves out the up to ${args.connections} a phase still had in flight when it stopped)`,
    ...workbench.map(
      (w) =>
        `${w.label.padEnd(44)} ${w.runs} sequential: median ${ms(w.p50)}, p95 ${ms(w.p95)}, p99 ${ms(w.p99)}, max ${ms(w.max)} (first ${ms(w.first)}; ${w.note})`,
    ),
  ]
  console.log(`\n${lines.join('\n')}`)
  if (args.cpuProf) console.log(`server CPU profile written to ${join(dir, 'prof')}`)
}

// ---------------------------------------------------------------------------------------------
// The store

type Meta = {
  version: number
  contacts: number
  customers: number
  links: number
  risks: string
  built_at: string
  build_seconds: number
}

async function reusableMeta(metaFile: string, dbFile: string, n: number): Promise<Meta | null> {
  if (!existsSync(metaFile) || !existsSync(dbFile)) return null
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta
  if (meta.version !== STORE_VERSION || meta.contacts !== n) return null
  // A store migrated by a migration this checkout no longer has would not open: rebuild it. Newer
  // migrations are left to the server, on its copy.
  const store = createStore({ kind: 'sqlite', path: dbFile })
  try {
    const applied = await sql<{
      name: string
    }>`select name from kysely_migration`.execute(store.db)
    if (applied.rows.some((r) => !(r.name in migrations))) return null
    const row = await store.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n) === n ? meta : null
  } catch {
    return null
  } finally {
    await store.db.destroy()
  }
}

/** What the generator knows of each contact, for its assessment. */
type Truth = {
  kind: Uint8Array
  agent: Int16Array
  text: Uint8Array
  /** Contacts of each agency phone, in time order. */
  byAgent: number[][]
  customersOfAgent: Set<number>[]
}
const OWN = 0
const NEW_PHONE = 1
const AGENCY_SELF = 2
const AGENCY_OTHER = 3

async function buildStore(n: number, dir: string, dbFile: string, metaFile: string): Promise<Meta> {
  const t0 = performance.now()
  for (const f of [metaFile, dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true })
  const input = join(dir, `api-${n}-input`)
  rmSync(input, { recursive: true, force: true })
  mkdirSync(input, { recursive: true })
  const customers = Math.floor(n * 0.7)

  let t = performance.now()
  say(`building ${dbFile}: generating ${customers} customers and ${n} contacts in ${input} …`)
  const r = rng(SEED)
  const agents = Array.from({ length: AGENTS }, r.mobile)
  const agentIndex = new Map(agents.map((a, i) => [a, i]))
  const truth: Truth = {
    kind: new Uint8Array(n),
    agent: new Int16Array(n).fill(-1),
    text: new Uint8Array(n),
    byAgent: agents.map(() => []),
    customersOfAgent: agents.map(() => new Set()),
  }
  await writeJsonl(join(input, 'customers.jsonl'), customers, benchCustomer)
  const shape = {
    n,
    r,
    agents,
    ownPhones: { phoneOf: customerPhone, share: OWN_PHONE_SHARE },
    nameOf: customerName,
  }
  await writeJsonl(
    join(input, 'contacts.jsonl'),
    n,
    (i) => {
      const c = benchContact(i, shape) as {
        customer_id: string
        text: string
        caller: { phone: string; role: string; organization?: string }
      }
      const k = Number(c.customer_id.slice(1))
      const phone = c.caller.phone.replace(/\D/g, '').slice(-11)
      const agent = c.caller.organization ? agentIndex.get(phone) : undefined
      truth.text[i] = c.text.includes('停息挂账') ? 1 : 0
      if (agent !== undefined) {
        truth.kind[i] = c.caller.role === 'self' ? AGENCY_SELF : AGENCY_OTHER
        truth.agent[i] = agent
        truth.byAgent[agent]?.push(i)
        truth.customersOfAgent[agent]?.add(k)
      } else truth.kind[i] = phone === customerPhone(k) ? OWN : NEW_PHONE
      return c
    },
    (d) => say(`  ${d} contacts generated`),
  )
  await writeJsonl(join(input, 'watchlist.jsonl'), WATCHLISTED, (i) => ({
    kind: 'phone',
    value: agents[i],
    label: '代理维权机构',
    source: 'bench',
    added_at: new Date(HISTORY_START).toISOString(),
  }))
  say(`  generated in ${elapsed(t).toFixed(1)} s`)

  const store = createStore({ kind: 'sqlite', path: dbFile })
  await migrateToLatest(store.db)
  const ctx = contextFor(store)
  for (const kind of ['customers', 'watchlist', 'contacts'] as const) {
    t = performance.now()
    say(`  importing ${kind} …`)
    let shown = 0
    const s = await importFile(ctx, kind, join(input, `${kind}.jsonl`), {
      rejectDir: input,
      onProgress: (p) => {
        if (p.lines - shown < 100_000) return
        shown = p.lines
        say(`    ${p.lines} lines, ${elapsed(t).toFixed(0)} s`)
      },
    })
    say(`  ${kind}: ${s.inserted} imported, ${s.rejected} rejected, ${elapsed(t).toFixed(1)} s`)
    if (s.rejected) throw new Error(`${s.rejected} ${kind} rejected: see ${input}`)
  }

  t = performance.now()
  say('  writing assessments (synthetic: see the header) …')
  const risks = await writeAssessments(ctx, n, agents, truth)
  say(`  assessments: ${risks}, ${elapsed(t).toFixed(1)} s`)
  await writeReviews(ctx, n, truth)

  const links = await store.db
    .selectFrom('contact_identifiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  await sql`pragma wal_checkpoint(truncate)`.execute(store.db)
  await store.db.destroy()
  rmSync(input, { recursive: true, force: true })
  const meta: Meta = {
    version: STORE_VERSION,
    contacts: n,
    customers,
    links: Number(links.n),
    risks,
    built_at: new Date().toISOString(),
    build_seconds: elapsed(t0),
  }
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`)
  say(`store built in ${meta.build_seconds.toFixed(0)} s`)
  return meta
}

/** A stable pseudo-random fraction for contact i (no draw from the generator's sequence). */
function hashed(i: number, salt = 0): number {
  let h = Math.imul(i ^ salt, 0x9e3779b1)
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b)
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296
}

function gangId(agent: number): string {
  const group = agent % 200
  return `G-${(Math.floor(hashed(group, 7) * 2 ** 40) + 2 ** 40).toString(16).slice(-10)}`
}

function synthetic(i: number, agents: string[], t: Truth, version: string): ScoredAssessment {
  const contact_id = `K${i}`
  const base = { contact_id, rules_version: version }
  const kind = t.kind[i] ?? OWN
  if (kind === OWN || kind === NEW_PHONE) {
    const repeats = kind === OWN && hashed(i, 1) < 0.1
    if (kind === OWN && !repeats)
      return {
        ...base,
        risk: 'none',
        severity: null,
        categories: [],
        signals: [],
        gang_id: null,
        recommended_action: 'handle-normally',
        score: 0,
      }
    const signal: Signal = repeats
      ? {
          code: 'orchestrated_repeats',
          weight: 0.35,
          explanation: {
            'zh-CN': '同一客户在 30 天内经 2 个渠道被反复投诉 3 次',
            en: 'the same customer was raised 3 times through 2 channels within 30 days',
          },
          evidence: [{ kind: 'contact', id: `K${Math.max(0, i - 1)}` }],
        }
      : {
          code: 'caller_mismatch',
          weight: 0.3,
          explanation: {
            'zh-CN': '来电号码不是客户登记的号码',
            en: 'the caller is not calling from the number on file',
          },
          evidence: [{ kind: 'contact', id: contact_id }],
        }
    return {
      ...base,
      risk: 'low',
      severity: null,
      categories: [],
      signals: [signal],
      gang_id: null,
      recommended_action: 'handle-normally',
      score: signal.weight,
    }
  }
  const agent = t.agent[i] ?? 0
  const phone = `phone:+86${agents[agent] ?? ''}`
  const customers = t.customersOfAgent[agent]?.size ?? 0
  const others = (t.byAgent[agent] ?? []).filter((j) => j !== i).slice(0, 8)
  const gang = gangId(agent)
  const medium = hashed(i, 2) < 0.05
  const signals: Signal[] = []
  if (agent < WATCHLISTED)
    signals.push({
      code: 'watchlist',
      weight: 1,
      explanation: {
        'zh-CN': '号码在观察名单上：代理维权机构',
        en: 'on the watchlist: 代理维权机构',
      },
      evidence: [{ kind: 'watchlist', id: phone }],
    })
  if (kind === AGENCY_SELF)
    signals.push({
      code: 'impersonation',
      weight: 0.95,
      explanation: {
        'zh-CN': `该号码以“本人”身份为 ${customers} 位不同客户来电，且不是其中任何一位的登记号码`,
        en: `this number called as "the customer himself" for ${customers} different customers and is on file for none of them`,
      },
      evidence: [
        { kind: 'identifier', id: phone, note: `${customers} customers` },
        ...others.map((j) => ({ kind: 'contact' as const, id: `K${j}` })),
      ],
    })
  if (!medium)
    signals.push({
      code: 'fan_out',
      weight: 0.9,
      explanation: {
        'zh-CN': `同一电话在 180 天内为 ${customers} 位不同客户出面`,
        en: `one phone spoke for ${customers} different customers within 180 days`,
      },
      evidence: [{ kind: 'identifier', id: phone, note: `${customers} customers` }],
    })
  signals.push({
    code: 'gang_link',
    weight: 0.85,
    explanation: {
      'zh-CN': `与另外 ${customers * 10} 位客户的联系通过电话、机构相互关联，疑似同一团伙（${gang}）`,
      en: `linked to contacts for ${customers * 10} other customers through phone, organization: likely one group (${gang})`,
    },
    evidence: [
      { kind: 'gang', id: gang, note: `${customers * 10} customers` },
      ...others.slice(0, 5).map((j) => ({ kind: 'contact' as const, id: `K${j}` })),
    ],
  })
  if (t.text[i])
    signals.push({
      code: 'refusal',
      weight: 0.3,
      explanation: {
        'zh-CN': '拒绝与客户本人直接沟通（“勿再联系借款人本人”）',
        en: 'refuses direct contact with the customer ("勿再联系借款人本人")',
      },
      evidence: [{ kind: 'text', id: contact_id, note: '勿再联系借款人本人' }],
    })
  const categories: Category[] =
    kind === AGENCY_SELF ? ['proxy_in_consumer_name'] : ['accompanying_agent']
  const risk: Risk = medium ? 'medium' : 'high'
  const severity: Severity = medium ? 'level1' : 'level2'
  return {
    ...base,
    risk,
    severity,
    categories,
    signals,
    gang_id: gang,
    recommended_action: medium ? 'verify-customer-directly' : 'script:suspected-agency',
    score: medium ? 0.62 : 1,
  }
}

async function writeAssessments(
  ctx: Context,
  n: number,
  agents: string[],
  truth: Truth,
): Promise<string> {
  const version = loadRuleSet().version
  const tally = new Map<string, number>()
  const now = new Date().toISOString()
  const BATCH = 20_000
  for (let i = 0; i < n; i += BATCH) {
    const batch: ScoredAssessment[] = []
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const a = synthetic(j, agents, truth, version)
      tally.set(a.risk, (tally.get(a.risk) ?? 0) + 1)
      batch.push(a)
    }
    await ctx.db.transaction().execute((trx) => saveAssessments(trx, batch, now))
    if ((i + BATCH) % 100_000 === 0) say(`    ${i + BATCH} assessments`)
  }
  return ['high', 'medium', 'low', 'none']
    .map((k) => `${k} ${(((tally.get(k) ?? 0) / n) * 100).toFixed(1)}%`)
    .join(', ')
}

async function writeReviews(ctx: Context, n: number, truth: Truth): Promise<void> {
  const confirmed: string[] = []
  const genuine: string[] = []
  for (let i = 0; i < n; i++) {
    if (hashed(i, 3) >= 0.01) continue
    if ((truth.kind[i] ?? OWN) >= AGENCY_SELF) confirmed.push(`K${i}`)
    else if (truth.kind[i] === NEW_PHONE) genuine.push(`K${i}`)
  }
  await recordReviews(ctx, confirmed, 'confirmed_agency', '核实为代理机构来电', 'bench')
  await recordReviews(ctx, genuine, 'genuine', '客户本人换号', 'bench')
}

async function auditCount(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'screen')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---------------------------------------------------------------------------------------------
// The server

type Server = {
  url: string
  pid: number
  readySeconds: number
  indexSeconds: number
  consoleBuilt: boolean
  readyRss: number
  peakRss(): number
  cpuSeconds(): number
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => ok(port))
    })
  })
}

/** A field of /proc/<pid>/status in bytes (VmRSS, VmHWM), 0 once the process is gone. */
function procKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    )
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** User + system CPU of a process so far, in seconds (USER_HZ is 100 on Linux). */
function procCpuSeconds(pid: number, tid?: string): number {
  try {
    const stat = readFileSync(tid ? `/proc/${pid}/task/${tid}/stat` : `/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

/** Each thread's user + system CPU so far, by thread id (the main thread's id is the pid). */
function threadCpuSeconds(pid: number): Map<number, number> {
  const out = new Map<number, number>()
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`))
      out.set(Number(tid), procCpuSeconds(pid, tid))
  } catch {
    // The server has gone: no threads to report.
  }
  return out
}

/** The whole machine's busy CPU so far, in seconds summed over cores. */
function machineBusySeconds(): number {
  const first = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const v = first.trim().split(/\s+/).slice(1).map(Number)
  const total = v.reduce((a, b) => a + b, 0)
  return (total - (v[3] ?? 0) - (v[4] ?? 0)) / 100
}

async function startServer(dbFile: string, port: number, nodeFlags: string[]): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      '--import',
      'tsx',
      'src/cli/index.ts',
      'serve',
      '--db',
      dbFile,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--no-demo',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  // `grayline serve` runs the server in a child node of its own (src/server/server-heap.ts):
  // CPU and memory are the serving process's.
  const served = servingProcess(child.pid ?? 0)
  const stderr: string[] = []
  // GRAYLINE_BENCH_SERVER_LOG=FILE keeps everything the server prints (e.g. with --trace-gc).
  const log = process.env.GRAYLINE_BENCH_SERVER_LOG
  if (log) {
    const out = createWriteStream(log)
    child.stdout?.pipe(out)
    child.stderr?.pipe(out)
  }
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (l) => {
    stderr.push(l)
    if (stderr.length > 50) stderr.shift()
  })
  const t0 = performance.now()
  let tIndex = t0
  let consoleBuilt = false
  say(`starting the server (pid ${child.pid}, port ${port}) …`)
  const ticker = setInterval(
    () => say(`  loading … ${elapsed(t0).toFixed(0)} s, RSS ${mb(procKb(served(), 'VmRSS'))}`),
    10_000,
  )
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)))
  try {
    const url = await new Promise<string>((ok, fail) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
        // The rest (first-admin logins) is not the bench's to print.
        if (l.startsWith('building the console')) consoleBuilt = true
        if (l.startsWith('loading the detection index')) tIndex = performance.now()
        const m = /Grayline is running: (\S+)/.exec(l)
        if (m?.[1]) ok(m[1].replace(/\/$/, ''))
      })
      void exited.then((code) =>
        fail(new Error(`the server exited (${code}) before it was ready:\n${stderr.join('\n')}`)),
      )
    })
    const readySeconds = elapsed(t0)
    const pid = served()
    say(`server ready at ${url} after ${readySeconds.toFixed(1)} s (serving pid ${pid})`)
    return {
      url,
      pid,
      readySeconds,
      indexSeconds: (performance.now() - tIndex) / 1000,
      consoleBuilt,
      readyRss: procKb(pid, 'VmRSS'),
      peakRss: () => procKb(pid, 'VmHWM') || lastPeak,
      cpuSeconds: () => procCpuSeconds(pid),
      stop: () => stopServer(child, exited, pid),
    }
  } catch (e) {
    child.kill('SIGKILL')
    throw e
  } finally {
    clearInterval(ticker)
  }
}

let lastPeak = 0

/** The process that serves: the `serve` child of the started one, if it has one, else itself. */
function servingProcess(pid: number): () => number {
  return () => {
    try {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ')
      const server = children.find(
        (c) => c !== '' && readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('serve\0'),
      )
      return server ? Number(server) : pid
    } catch {
      return pid
    }
  }
}

async function stopServer(
  child: ChildProcess,
  exited: Promise<number | null>,
  pid: number,
): Promise<void> {
  lastPeak = procKb(pid, 'VmHWM')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  await exited
  clearTimeout(timer)
}

// ---------------------------------------------------------------------------------------------
// Screening

/** Agency phones, customers' own phones and unknown numbers in equal parts, shuffled. */
function screenBodies(n: number): string[] {
  const gen = rng(SEED)
  const agents = Array.from({ length: AGENTS }, gen.mobile)
  const r = rng(SEED + 1)
  const customers = Math.floor(n * 0.7)
  const bodies: string[] = []
  for (let i = 0; i < 6000; i++) {
    const someone = `C${Math.floor(r.rand() * customers)}`
    let body: Record<string, string>
    if (i % 3 === 0)
      body = {
        phone: r.pick(phoneForms)(r.pick(agents)),
        ...(r.rand() < 0.5 ? { customer_id: someone } : {}),
      }
    else if (i % 3 === 1)
      body = { phone: r.pick(phoneForms)(customerPhone(Math.floor(r.rand() * customers))) }
    else
      body = {
        phone: r.pick(phoneForms)(r.mobile()),
        ...(r.rand() < 0.25 ? { customer_id: someone } : {}),
      }
    bodies.push(JSON.stringify({ ...body, at: SCREEN_AT }))
  }
  for (let i = bodies.length - 1; i > 0; i--) {
    const j = Math.floor(r.rand() * (i + 1))
    ;[bodies[i], bodies[j]] = [bodies[j] as string, bodies[i] as string]
  }
  return bodies
}

async function timed(url: string, token: string, init: RequestInit = {}) {
  const t = performance.now()
  const res = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  })
  const body = (await res.json()) as Record<string, unknown>
  const took = performance.now() - t
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`)
  return { took, body }
}

/** The very first calls after start, before anything is warm. */
async function firstScreens(url: string, token: string, n: number) {
  const agent = rng(SEED).mobile() // the first of the agencies' phones
  const post = (body: object) =>
    timed(`${url}/api/screen`, token, { method: 'POST', body: JSON.stringify(body) })
  const agency = await post({ phone: agent, at: SCREEN_AT })
  if (agency.body.risk !== 'high')
    say(`  note: the agency phone screened as ${String(agency.body.risk)}`)
  const customer = await post({ phone: customerPhone(Math.floor(n * 0.35)), at: SCREEN_AT })
  return { agencyMs: agency.took, customerMs: customer.took }
}

type PhaseReport = {
  phase: Phase
  result: CannonSummary
  serverCpu: number
  /** The serving process's main thread, and its busiest other thread (a screening replica). */
  threads?: { main: number; other: number }
  loadCpu: number
  otherCpu: number
  load1: number
}

type Target = { url: string; cpuSeconds(): number; pid?: number }

/** Runs the phases from a forked load generator, with the CPU each side used meanwhile. */
async function runLoad(target: Target, token: string, bodies: string[], phases: Phase[]) {
  const child = fork(here, ['--load-generator'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const reports: PhaseReport[] = []
  let mark = { server: 0, machine: 0, threads: new Map<number, number>() }
  const threadsNow = () => (target.pid ? threadCpuSeconds(target.pid) : new Map<number, number>())
  await new Promise<void>((ok, fail) => {
    child.on('message', (raw) => {
      const m = raw as FromLoad
      if (m.type === 'start') {
        say(`screening: ${m.phase} …`)
        mark = { server: target.cpuSeconds(), machine: machineBusySeconds(), threads: threadsNow() }
        return
      }
      const serverCpu = target.cpuSeconds() - mark.server
      let main = 0
      let other = 0
      for (const [tid, seconds] of threadsNow()) {
        const used = seconds - (mark.threads.get(tid) ?? 0)
        if (tid === target.pid) main = used
        else other = Math.max(other, used)
      }
      const busy = machineBusySeconds() - mark.machine
      const phase = phases.find((p) => p.name === m.phase) as Phase
      reports.push({
        phase,
        result: m.result,
        serverCpu: serverCpu / m.result.duration,
        ...(target.pid
          ? { threads: { main: main / m.result.duration, other: other / m.result.duration } }
          : {}),
        loadCpu: m.cpuSeconds / m.result.duration,
        otherCpu: Math.max(0, busy - serverCpu - m.cpuSeconds) / m.result.duration,
        load1: loadavg()[0] ?? 0,
      })
    })
    child.once('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`the load generator exited with ${code}`)),
    )
    child.send({ url: target.url, token, bodies, phases } satisfies LoadPlan)
  })
  return reports
}

function describeLoad(r: PhaseReport): string {
  const x = r.result
  const l = x.latency
  return [
    `${r.phase.name}, ${x.connections} connections, ${x.duration.toFixed(0)} s: ${Math.round(x.requestsMean).toLocaleString('en')} requests/s (mean), ${x.requestsTotal.toLocaleString('en')} requests`,
    `  latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms (mean ${l.mean.toFixed(2)} ms); errors ${x.errors}, timeouts ${x.timeouts}, non-2xx ${x.non2xx}`,
    `  CPU: server ${(r.serverCpu * 100).toFixed(0)}% (${((r.serverCpu * 1000) / Math.max(1, x.requestsMean)).toFixed(2)} ms a request${r.threads ? `; main thread ${(r.threads.main * 100).toFixed(0)}%, busiest other thread ${(r.threads.other * 100).toFixed(0)}%` : ''}), load generator ${(r.loadCpu * 100).toFixed(0)}%, other work ${(r.otherCpu * 100).toFixed(0)}% (of ${cpus().length * 100}%); load average ${r.load1.toFixed(2)}`,
  ].join('\n')
}

/**
 * What this machine serves at all while the bench runs: a bare Fastify route that echoes the same
 * bodies, in a process of its own, under the same load — the ceiling the real server works under.
 */
async function measureFloor(bodies: string[], a: Args): Promise<PhaseReport[]> {
  const child = fork(here, ['--floor-server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const port = await new Promise<number>((ok) => child.once('message', (m) => ok(m as number)))
  const pid = child.pid ?? 0
  try {
    return await runLoad(
      { url: `http://127.0.0.1:${port}`, cpuSeconds: () => procCpuSeconds(pid) },
      'none',
      bodies,
      [
        { name: 'warm-up', seconds: 3, connections: a.connections },
        {
          name: 'floor: bare Fastify echoing the same bodies',
          seconds: Math.min(10, a.seconds),
          connections: a.connections,
        },
      ],
    )
  } finally {
    child.disconnect()
    child.kill('SIGTERM')
  }
}

async function runFloorServer(): Promise<void> {
  const app = Fastify()
  app.post('/api/screen', (request) => ({ ok: true, echo: request.body }))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  process.send?.(typeof address === 'object' && address ? address.port : 0)
  process.once('disconnect', () => void app.close())
}

// ---------------------------------------------------------------------------------------------
// The workbench

type WorkbenchReport = {
  label: string
  runs: number
  first: number
  p50: number
  p95: number
  p99: number
  max: number
  note: string
}

async function measureWorkbench(url: string, token: string, flaggedId: string) {
  const cases = [
    { label: 'GET /api/contacts?limit=50', path: '/api/contacts?limit=50' },
    {
      label: 'GET /api/contacts?limit=50&risk=high,medium',
      path: '/api/contacts?limit=50&risk=high,medium',
    },
    {
      label: 'GET /api/contacts?limit=50&channel=regulator',
      path: '/api/contacts?limit=50&channel=regulator',
    },
    { label: `GET /api/contacts/${flaggedId} (high)`, path: `/api/contacts/${flaggedId}` },
  ]
  const RUNS = 200
  const out: WorkbenchReport[] = []
  for (const c of cases) {
    say(`workbench: ${c.label} …`)
    const first = await timed(url + c.path, token)
    const times: number[] = []
    // A slow query must not hold the bench for an hour: at most a minute a case.
    const until = performance.now() + 60_000
    while (times.length < RUNS && performance.now() < until)
      times.push((await timed(url + c.path, token)).took)
    times.sort((a, b) => a - b)
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0
    const b = first.body
    const note = Array.isArray(b.items)
      ? `${b.items.length} items, total ${String(b.total)}${b.total_is_lower_bound ? '+' : ''}`
      : `${Array.isArray(b.identifiers) ? b.identifiers.length : 0} identifiers, ${Array.isArray(b.linked_customers) ? b.linked_customers.length : 0} linked customers`
    out.push({
      label: c.label,
      runs: times.length,
      first: first.took,
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99),
      max: q(1),
      note,
    })
  }
  return out
}

// Last, once every constant above is initialised.
if (process.argv[2] === '--load-generator') await runLoadGenerator()
else if (process.argv[2] === '--floor-server') await runFloorServer()
else await main()
