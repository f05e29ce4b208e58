// Prints the figures of issue #9's sharing benchmark:
// 1. tokenising N identifiers end to end (blind, evaluate under the epoch key with a batch proof,
//    verify and finalise) in batches of the service's MAX_BATCH, spread over worker threads;
// 2. matching M contacts' identifier tokens against S shared tokens, through the same SQL join the
//    detector loads matches with (querySharedMatches), on a SQLite store in a temporary directory.
// The HTTP hop to the consortium service is not in (1): it adds one round trip per 2,000 values.
// Usage: npx tsx bench/sharing-bench.ts [N=100000] [M=1000000] [S=100000] [workers=cores]
//        (npm run bench:sharing)
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { MAX_BATCH } from '../src/consortium/index.js'
import { contextFor } from '../src/context.js'
import { querySharedMatches } from '../src/detect/shared-indicators.js'
import { blindBatch, evaluateBatch, finaliseBatch } from '../src/sharing/token-batch.js'
import { epochKeyPair } from '../src/sharing/token-suite.js'
import { createStore, migrateToLatest } from '../src/store/index.js'

const EPOCH = '2026-11'
const DOMAIN = { consortium: 'cfc-east', type: 'phone' as const, epoch: EPOCH }

type Job = { from: number; count: number }
type Timings = { blind: number; evaluate: number; finalise: number; tokens: number }

function phone(i: number): string {
  return `+86199${String(i).padStart(8, '0')}`
}

/** One worker's share: its values, batch by batch, the three steps timed apart. */
function tokeniseRange(job: Job): Timings {
  const keys = epochKeyPair(new Uint8Array(32).fill(7), EPOCH)
  const t: Timings = { blind: 0, evaluate: 0, finalise: 0, tokens: 0 }
  for (let i = job.from; i < job.from + job.count; i += MAX_BATCH) {
    const values = Array.from({ length: Math.min(MAX_BATCH, job.from + job.count - i) }, (_, k) =>
      phone(i + k),
    )
    let at = performance.now()
    const batch = blindBatch(DOMAIN, values, keys.publicKey)
    t.blind += performance.now() - at
    at = performance.now()
    const reply = evaluateBatch(DOMAIN, keys.secretKey, batch.blinded)
    t.evaluate += performance.now() - at
    at = performance.now()
    t.tokens += finaliseBatch(batch, reply).length
    t.finalise += performance.now() - at
  }
  return t
}

async function tokeniseBench(n: number, workers: number): Promise<void> {
  const per = Math.ceil(n / workers)
  const started = performance.now()
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const job: Job = { from: w * per, count: Math.max(0, Math.min(per, n - w * per)) }
      return new Promise<Timings>((resolve, reject) => {
        // A worker does not inherit tsx's loader: it registers it, then loads this file.
        const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}) })`
        const worker = new Worker(boot, { eval: true, workerData: job })
        worker.once('message', (m: Timings) => resolve(m))
        worker.once('error', reject)
      })
    }),
  )
  const wall = (performance.now() - started) / 1000
  const sum = (k: keyof Timings) => parts.reduce((s, p) => s + p[k], 0)
  const tokens = sum('tokens')
  console.log(
    `tokenise ${tokens.toLocaleString('en')} identifiers end to end on ${workers} worker(s): ${wall.toFixed(1)} s wall, ${Math.round(tokens / wall).toLocaleString('en')} identifiers/s`,
  )
  for (const step of ['blind', 'evaluate', 'finalise'] as const)
    console.log(
      `  ${step.padEnd(8)} ${(sum(step) / tokens).toFixed(3)} ms per identifier (in a worker, wall)`,
    )
  console.log(
    `  total    ${((sum('blind') + sum('evaluate') + sum('finalise')) / tokens).toFixed(3)} ms per identifier (in a worker, wall)`,
  )
}

async function matchBench(contacts: number, shared: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'grayline-sharing-bench-'))
  const store = createStore({ kind: 'sqlite', path: join(dir, 'bench.db') })
  try {
    await migrateToLatest(store.db)
    const sqlite = store.sqlite!
    const token = () => `oprf-r255:${randomBytes(32).toString('hex')}`
    // One shared token in ten is one some contact carries: 1% of the contacts' identifiers hit.
    const sharedTokens = Array.from({ length: shared }, token)
    let at = performance.now()
    const insertToken = sqlite.prepare(
      'insert into identifier_tokens (epoch, identifier, token) values (?, ?, ?)',
    )
    sqlite.transaction(() => {
      for (let i = 0; i < contacts; i++)
        insertToken.run(
          EPOCH,
          `phone:${phone(i)}`,
          i % 100 === 0 ? sharedTokens[(i / 100) % shared]! : token(),
        )
    })()
    const insertShared = sqlite.prepare(
      `insert into shared_indicators (stix_id, value, kind, epoch, tlp, source, scope, valid_until, revoked, pulled_at)
       values (?, ?, 'phone', ?, 'amber', 'lender-b/group-east/collection-group-east', 'group:east', '2099-01-01T00:00:00.000Z', 0, ?)`,
    )
    sqlite.transaction(() => {
      sharedTokens.forEach((t, i) =>
        insertShared.run(
          `indicator--${String(i).padStart(12, '0')}`,
          t,
          EPOCH,
          new Date().toISOString(),
        ),
      )
    })()
    console.log(
      `stored ${contacts.toLocaleString('en')} identifier tokens and ${shared.toLocaleString('en')} shared tokens in ${((performance.now() - at) / 1000).toFixed(1)} s`,
    )
    const ctx = contextFor(store, { clock: { now: () => new Date(`${EPOCH}-15T00:00:00Z`) } })
    at = performance.now()
    const matches = await querySharedMatches(ctx)
    const ms = performance.now() - at
    console.log(
      `match ${contacts.toLocaleString('en')} contacts' identifiers against ${shared.toLocaleString('en')} shared tokens: ${(ms / 1000).toFixed(2)} s (${matches.size.toLocaleString('en')} identifiers hit)`,
    )
    at = performance.now()
    const inMemory = new Set(sharedTokens)
    let hits = 0
    for (const r of sqlite.prepare('select token from identifier_tokens').iterate() as Iterable<{
      token: string
    }>)
      if (inMemory.has(r.token)) hits++
    console.log(
      `  the same as a scan against an in-memory set: ${((performance.now() - at) / 1000).toFixed(2)} s (${hits.toLocaleString('en')} hits)`,
    )
  } finally {
    await store.db.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (isMainThread) {
  const n = Number(process.argv[2] ?? 100_000)
  const m = Number(process.argv[3] ?? 1_000_000)
  const s = Number(process.argv[4] ?? 100_000)
  const workers = Number(process.argv[5] ?? availableParallelism())
  await tokeniseBench(n, workers)
  await matchBench(m, s)
} else {
  parentPort?.postMessage(tokeniseRange(workerData as Job))
}
