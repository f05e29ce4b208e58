// Batch assessment benchmark: simulates a labelled population with about N contacts (default
// 1,000,000; most customers contact the lender in this run, so the files stay manageable), then
// runs `assess` on a fresh SQLite store and prints each stage's time and the peak RSS; then adds
// 1,000 more contacts to that history to show the incremental path. Each run is its own process.
// Usage: npx tsx bench/assess-bench.ts [N] [--keep DIR]
// --keep DIR simulates into DIR once and reuses that population on the next runs (same N).
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import type { PerformanceEntry } from 'node:perf_hooks'
import { runInChildWithBatchHeap } from '../src/cli/batch-heap.js'
import { contextFor } from '../src/context.js'
import { assessFiles, loadRuleSet } from '../src/detect/index.js'
import { writeSimulation } from '../src/simulate/index.js'
import type { Manifest } from '../src/simulate/index.js'
import { createStore, migrateToLatest } from '../src/store/index.js'

const args = process.argv.slice(2)
const keepAt = args.indexOf('--keep')
const kept = keepAt >= 0 ? args.splice(keepAt, 2)[1] : undefined
if (keepAt >= 0 && !kept) throw new Error('--keep needs a directory to keep the population in')
const N = Number(args[0] ?? 1_000_000)
/** Contacts added to the history in the second run. */
const TAIL = 1000
/** Customers in the pilot population that sizes the book. */
const PILOT = 50_000
/** Set for the child that assesses: the population's directory, made by its parent. */
const DIR_FROM_PARENT = 'GRAYLINE_ASSESS_BENCH_DIR'
const dir =
  process.env[DIR_FROM_PARENT] ?? kept ?? mkdtempSync(join(tmpdir(), 'grayline-assess-bench-'))
const MANIFEST = join(dir, 'bench-manifest.json')
const profile = { contactShare: 0.5 }
/** perf_hooks' kind of a mark-compact (full) collection. */
const MARK_COMPACT = 4

/** Set for each child: which run it makes. */
const PHASE = 'GRAYLINE_ASSESS_BENCH_PHASE'
type Phase = 'first run' | 'second run'
const phase = process.env[PHASE] as Phase | undefined

// The population is simulated here, and each run is made in a child node of its own with the
// young generation `grayline assess` runs with (src/cli/batch-heap.ts): a child's memory is its
// run's alone, as a `grayline assess` process's is, not what simulating a million contacts (or the
// first run) left behind.
if (!phase) {
  if (!existsSync(MANIFEST)) {
    const started = performance.now()
    writeFileSync(MANIFEST, JSON.stringify(await simulate()))
    process.stderr.write(`simulated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  } else process.stderr.write(`reusing the population in ${dir}\n`)
  for (const f of ['bench.db', 'bench.db-wal', 'bench.db-shm'])
    rmSync(join(dir, f), { force: true })
  process.env[DIR_FROM_PARENT] = dir
  for (const p of ['first run', 'second run'] as const) {
    process.env[PHASE] = p
    const code = await runInChildWithBatchHeap()
    // null: the batch heap is off (GRAYLINE_BATCH_HEAP=0), the run is made here.
    if (code === null) await assessRun(p)
    else if (code !== 0) process.exit(code)
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  )
  console.log(
    `population: ${manifest.counts.customers} customers, ${manifest.counts.contacts} contacts`,
  )
  if (kept) rmSync(join(dir, 'bench.db'), { force: true })
  else rmSync(dir, { recursive: true, force: true })
} else {
  await runInChildWithBatchHeap()
  await assessRun(phase)
  process.exit(0)
}

/** One run of `assess` on the bench's store, printing each stage's figures and the run's. */
async function assessRun(run: Phase): Promise<void> {
  let peak = 0
  /** The highest RSS since the stage began. */
  let stagePeak = 0
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss
    peak = Math.max(peak, rss)
    stagePeak = Math.max(stagePeak, rss)
  }, 100)
  // The main thread's garbage-collection pauses, in ms (major: mark-compact), per stage below.
  const gc = { all: 0, major: 0 }
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.all += e.duration
      const { detail } = e as PerformanceEntry & { detail?: { kind?: number } }
      if (detail?.kind === MARK_COMPACT) gc.major += e.duration
    }
  })
  observer.observe({ entryTypes: ['gc'] })
  const store = createStore({ kind: 'sqlite', path: join(dir, 'bench.db') })
  await migrateToLatest(store.db)
  const ctx = contextFor(store)
  const rules = loadRuleSet()
  // Each stage's wall time: where a run's time goes is what the target is about.
  let last = ''
  let stageStart = performance.now()
  let [mainCpuAt, allCpuAt, gcAt] = [mainThreadCpu(), cpuSeconds(), { ...gc }]
  const endStage = () => {
    const [main, all] = [mainThreadCpu(), cpuSeconds()]
    if (last) {
      const line =
        `  ${run}, ${last}: ${((performance.now() - stageStart) / 1000).toFixed(1)} s, ` +
        `CPU ${(main - mainCpuAt).toFixed(1)} s on the main thread, ${(all - allCpuAt).toFixed(1)} s in all, ` +
        `GC pauses ${((gc.all - gcAt.all) / 1000).toFixed(1)} s (full ${((gc.major - gcAt.major) / 1000).toFixed(1)} s), ` +
        `RSS ${memory()}, peak ${(Math.max(stagePeak, process.memoryUsage().rss) / 2 ** 20).toFixed(0)} MB`
      console.log(line)
    }
    ;[mainCpuAt, allCpuAt, gcAt] = [main, all, { ...gc }]
    stagePeak = 0
    stageStart = performance.now()
  }
  const progress = (stage: string) => {
    if (stage !== last) {
      endStage()
      process.stderr.write(`  ${stage}…\n`)
    }
    last = stage
  }
  const t0 = performance.now()
  const cpu0 = cpuSeconds()
  const result =
    run === 'first run'
      ? await assessFiles(
          ctx,
          {
            rules,
            customers: join(dir, 'customers.jsonl'),
            contacts: join(dir, 'head.jsonl'),
            watchlist: join(dir, 'watchlist.jsonl'),
            // As `grayline assess --out` does: the assessments file is part of the run.
            out: join(dir, 'assessments.jsonl'),
          },
          progress,
        )
      : await assessFiles(ctx, { rules, contacts: join(dir, 'tail.jsonl') }, progress)
  const seconds = (performance.now() - t0) / 1000
  endStage()
  clearInterval(sampler)
  observer.disconnect()
  await store.db.destroy()
  console.log(
    run === 'first run'
      ? `first run (import + detect + store): ${result.assessed} contacts assessed, ${result.flagged} flagged`
      : `second run (add ${TAIL} contacts: load history + assess affected): ${result.assessed} new contacts, ${result.reassessedEarlier} earlier re-assessed (${result.changedEarlier} changed risk) of ${result.historyContacts}`,
  )
  console.log(
    `${run}: ${seconds.toFixed(1)} s (${Math.round(result.assessed / seconds)} contacts/s), CPU ${(cpuSeconds() - cpu0).toFixed(1)} s over all threads, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
}

/** RSS, and of it the main thread's JavaScript heap and array buffers (the rest: workers, SQLite). */
function memory(): string {
  const m = process.memoryUsage()
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0)
  return `${mb(m.rss)} MB (main heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, buffers ${mb(m.arrayBuffers)} MB)`
}

/** CPU seconds of the whole process, every thread. */
function cpuSeconds(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/**
 * CPU seconds of the main thread alone (Linux: its /proc task entry, in clock ticks of 1/100 s):
 * on a shared machine the wall time says little, what the busiest thread spent says more.
 */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

async function simulate(): Promise<Manifest> {
  const customers = await customersFor(N + TAIL)
  process.stderr.write(`simulating ~${N + TAIL} contacts (${customers} customers) in ${dir} …\n`)
  const m = await writeSimulation({ customers, seed: 9, profile }, dir, (d, total) => {
    if (d % 200_000 === 0) process.stderr.write(`  ${d}/${total} customers\n`)
  })
  await splitTail(join(dir, 'contacts.jsonl'), TAIL)
  rmSync(join(dir, 'contacts.jsonl'))
  return m
}

/**
 * The book is sized so that the head file holds N contacts: a pilot population of the same
 * profile gives its contacts per customer (a constant would go stale as the simulator changes).
 * Customers of a population with at least about `contacts` contacts, from a pilot of PILOT
 * customers: 1% over, as the full population's share of contacts strays a little from the pilot's.
 */
async function customersFor(contacts: number): Promise<number> {
  const pilotDir = join(dir, 'pilot')
  const pilot = await writeSimulation({ customers: PILOT, seed: 9, profile }, pilotDir)
  rmSync(pilotDir, { recursive: true, force: true })
  return Math.ceil((1.01 * contacts * PILOT) / pilot.counts.contacts)
}

/** Splits a JSONL file into head.jsonl and the last `n` lines in tail.jsonl, streaming. */
async function splitTail(file: string, n: number): Promise<void> {
  let total = 0
  for await (const line of createInterface({ input: createReadStream(file) })) if (line) total++
  const head = createWriteStream(join(dir, 'head.jsonl'))
  const tail = createWriteStream(join(dir, 'tail.jsonl'))
  let i = 0
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue
    const out = i++ < total - n ? head : tail
    if (!out.write(`${line}\n`)) await once(out, 'drain')
  }
  for (const out of [head, tail]) {
    out.end()
    await once(out, 'finish')
  }
}
