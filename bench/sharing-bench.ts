// Prints the figures of issue #9's sharing benchmark:
// 1. what one identifier costs in each POPRF step (blind; evaluate with the batch proof; verify and
//    finalise), in CPU time on one thread — libsodium's ristretto255, which Grayline uses, beside
//    noble's BigInt implementation on a small sample for comparison;
// 2. tokenising N identifiers end to end: a consortium service (its own SQLite store, quota and
//    audit) listening on loopback in a worker thread, and a member whose contacts carry N phone
//    numbers running tokeniseContactIdentifiers through the HTTP client — pages read from its
//    store, batches blinded, evaluated, verified, finalised and stored, as in a sharing round;
// 3. matching M contacts' identifier tokens against S shared tokens, through the same SQL join the
//    detector loads matches with (querySharedMatches).
// Usage: npx tsx bench/sharing-bench.ts [N=100000] [M=1000000] [S=100000]   (npm run bench:sharing)
import { execSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { ristretto255_oprf } from '@noble/curves/ed25519.js'
import Fastify from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { AuditLog } from '../src/audit/index.js'
import { ConsortiumClient, ConsortiumKeys } from '../src/consortium/index.js'
import type { Context } from '../src/context.js'
import { contextFor } from '../src/context.js'
import { querySharedMatches } from '../src/detect/shared-indicators.js'
import { registerSharing } from '../src/server/sharing-setup.js'
import { tokeniseContactIdentifiers } from '../src/sharing/identifier-tokens.service.js'
import { createPeer } from '../src/sharing/sharing-peers.js'
import { blindBatch, evaluateBatch, finaliseBatch } from '../src/sharing/token-batch.js'
import { epochKeyPair, tokenInfo, utf8 } from '../src/sharing/token-suite.js'
import { createStore, migrateToLatest } from '../src/store/index.js'

const EPOCH = '2026-11'
const NOW = new Date(`${EPOCH}-15T00:00:00Z`)
const clock = { now: () => NOW }
const DOMAIN = { consortium: 'cfc-east', type: 'phone' as const, epoch: EPOCH }

function phone(i: number): string {
  return `+86199${String(i).padStart(8, '0')}`
}

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function machine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU'
  const nproc = execSync('nproc').toString().trim()
  const mem = readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1]
  return `${nproc} cores (${model}), ${Math.round(Number(mem) / 1024 / 1024)} GiB, Node ${process.versions.node}`
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

/** CPU per identifier of each step, on this thread alone (no other thread of ours runs). */
function stepCosts(n: number): void {
  const keys = epochKeyPair(new Uint8Array(32).fill(7), EPOCH)
  const values = Array.from({ length: n }, (_, i) => phone(i))
  let at = cpuMs()
  const batch = blindBatch(DOMAIN, values, keys.publicKey)
  const blind = (cpuMs() - at) / n
  at = cpuMs()
  const reply = evaluateBatch(DOMAIN, keys.secretKey, batch.blinded)
  const evaluate = (cpuMs() - at) / n
  at = cpuMs()
  finaliseBatch(batch, reply)
  const finalise = (cpuMs() - at) / n
  console.log(
    `POPRF steps on libsodium, one thread, batch of ${n.toLocaleString('en')}: blind ${blind.toFixed(3)}, evaluate + proof ${evaluate.toFixed(3)}, verify + finalise ${finalise.toFixed(3)} ms CPU per identifier (member ${(blind + finalise).toFixed(3)}, service ${evaluate.toFixed(3)})`,
  )
  // The same three steps in noble's BigInt arithmetic, which tokenised until this benchmark.
  const small = values.slice(0, Math.min(200, n))
  const poprf = ristretto255_oprf.poprf(tokenInfo(DOMAIN))
  at = cpuMs()
  const blinded = small.map((v) => poprf.blind(utf8(v), keys.publicKey))
  const nBlind = (cpuMs() - at) / small.length
  at = cpuMs()
  const ev = poprf.blindEvaluateBatch(
    keys.secretKey,
    blinded.map((b) => b.blinded),
  )
  const nEval = (cpuMs() - at) / small.length
  at = cpuMs()
  poprf.finalizeBatch(
    small.map((v, i) => ({
      input: utf8(v),
      blind: blinded[i]!.blind,
      blinded: blinded[i]!.blinded,
      evaluated: ev.evaluated[i]!,
    })),
    ev.proof,
    blinded[0]!.tweakedKey,
  )
  const nFin = (cpuMs() - at) / small.length
  console.log(
    `  noble (BigInt), batch of ${small.length}: blind ${nBlind.toFixed(3)}, evaluate + proof ${nEval.toFixed(3)}, verify + finalise ${nFin.toFixed(3)} ms CPU per identifier — ${((nBlind + nEval + nFin) / (blind + evaluate + finalise)).toFixed(1)}× the libsodium path`,
  )
}

type ServiceReady = { url: string; token: string; secret: string }

/** The consortium service, in a worker thread: its own store, quota, rate limit and audit. */
async function runService(quota: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'grayline-consortium-bench-'))
  const store = createStore({ kind: 'sqlite', path: join(dir, 'service.db') })
  await migrateToLatest(store.db)
  const ctx = contextFor(store, { clock })
  const secret = randomBytes(32)
  const app = Fastify({ bodyLimit: 4 << 20 }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const audit = new AuditLog(ctx)
  registerSharing(app, { ctx, audit }, secret, { consortium: 'cfc-east' })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const { token } = await createPeer(ctx, {
    peer_id: 'lender-a',
    name: 'Lender A',
    daily_quota: quota,
  })
  parentPort!.postMessage({ url, token, secret: secret.toString('hex') } satisfies ServiceReady)
  parentPort!.once('message', () => {
    void app
      .close()
      .then(() => audit.close())
      .then(() => store.db.destroy())
      .then(() => {
        rmSync(dir, { recursive: true, force: true })
        parentPort!.postMessage('closed')
      })
  })
}

/** A member's store whose contacts carry n distinct phone numbers, and one shared indicator. */
async function memberStore(dir: string, n: number) {
  const store = createStore({ kind: 'sqlite', path: join(dir, 'member.db') })
  await migrateToLatest(store.db)
  const sqlite = store.sqlite!
  const id = sqlite.prepare(
    `insert into identifiers (identifier, kind, value, valid, first_seen) values (?, 'phone', ?, 1, ?)`,
  )
  const link = sqlite.prepare(
    `insert into contact_identifiers (contact_id, identifier, role, customer_id, received_at) values (?, ?, 'caller', null, ?)`,
  )
  const at = `${EPOCH}-01T00:00:00.000Z`
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      id.run(`phone:${phone(i)}`, phone(i), at)
      link.run(`C${i}`, `phone:${phone(i)}`, at)
    }
  })()
  sqlite
    .prepare(
      `insert into shared_indicators (stix_id, value, kind, epoch, tlp, source, scope, valid_until, revoked, pulled_at)
       values ('indicator--1', 'oprf-r255:00', 'phone', ?, 'amber', 'lender-b/group-east/collection-group-east', 'group:east', '2099-01-01T00:00:00.000Z', 0, ?)`,
    )
    .run(EPOCH, at)
  return store
}

async function endToEnd(n: number): Promise<void> {
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}) })`
  const worker = new Worker(boot, { eval: true, workerData: { quota: n } })
  const ready = await new Promise<ServiceReady>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  const dir = mkdtempSync(join(tmpdir(), 'grayline-member-bench-'))
  const store = await memberStore(dir, n)
  try {
    const ctx: Context = contextFor(store, { clock })
    const client = new ConsortiumClient({
      url: ready.url,
      token: ready.token,
      consortium: 'cfc-east',
      clock,
    })
    console.log(`load average before: ${load()}`)
    const started = performance.now()
    const cpu0 = cpuMs()
    const report = await tokeniseContactIdentifiers(ctx, client)
    const wall = (performance.now() - started) / 1000
    const cpu = (cpuMs() - cpu0) / 1000
    if (report.stoppedBy) throw new Error(`stopped: ${report.stoppedBy}`)
    console.log(
      `tokenise ${report.tokenised.toLocaleString('en')} identifiers end to end (store → blind → HTTP → evaluate + proof → verify + finalise → store): ${wall.toFixed(1)} s wall, ${Math.round(report.tokenised / wall).toLocaleString('en')} identifiers/s; CPU of member and service together ${cpu.toFixed(1)} s (${((cpu * 1000) / report.tokenised).toFixed(2)} ms per identifier); load average after: ${load()}`,
    )
    // The tokens are the POPRF's: recompute a few from the service's key without blinding.
    const key = new ConsortiumKeys(Buffer.from(ready.secret, 'hex')).forEpoch(EPOCH)
    const sample = [0, Math.floor(n / 2), n - 1].map(phone)
    const direct = ristretto255_oprf.poprf(tokenInfo(DOMAIN))
    const stored = await ctx.db
      .selectFrom('identifier_tokens')
      .select(['identifier', 'token'])
      .where(
        'identifier',
        'in',
        sample.map((p) => `phone:${p}`),
      )
      .execute()
    for (const p of sample) {
      const expected = `oprf-r255:${Buffer.from(direct.evaluate(key.secretKey, utf8(p)).subarray(0, 32)).toString('hex')}`
      if (stored.find((r) => r.identifier === `phone:${p}`)?.token !== expected)
        throw new Error(`token of ${p} is not the POPRF output`)
    }
    console.log(`  3 sampled tokens equal the POPRF evaluated directly under the service's key`)
  } finally {
    await store.db.destroy()
    rmSync(dir, { recursive: true, force: true })
    worker.postMessage('close')
    await new Promise((resolve) => worker.once('message', resolve))
    await worker.terminate()
  }
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
    const ctx = contextFor(store, { clock })
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
  console.log(`machine: ${machine()}; load average at start: ${load()}`)
  stepCosts(Math.min(n, 2_000))
  await endToEnd(n)
  if (m > 0) await matchBench(m, s)
} else {
  await runService((workerData as { quota: number }).quota)
}
