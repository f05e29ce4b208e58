// Writes a simulated population to JSONL files. Contacts are generated customer by customer
// but a real feed arrives in time order, so they go through per-day bucket files and each day
// is sorted on its own: memory stays at one day plus a bounded buffer.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { DAY_MS } from './clock.js'
import type { Emitted } from './contact-builder.js'
import { prepareSimulation, simulateCustomer } from './population.js'
import type { SimulationOptions } from './world.js'
import { DEFAULT_START } from './world.js'

export type SimulationCounts = {
  customers: number
  contacts: number
  abnormal: number
  watchlist: number
  agencies: number
  agencyClients: number
  rings: number
  byKind: Record<string, number>
  byCategory: Record<string, number>
  byChannel: Record<string, number>
}

export type Manifest = {
  generator: 'grayline-simulate'
  version: 1
  options: { customers: number; seed: number; start: string; days: number }
  profile: unknown
  files: string[]
  counts: SimulationCounts
}

const FLUSH_CHARS = 16 * 1024 * 1024

/** Appends text to a file descriptor through a buffer. */
class LineWriter {
  private parts: string[] = []
  private size = 0
  private readonly fd: number
  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }
  write(text: string): void {
    this.parts.push(text)
    this.size += text.length
    if (this.size > 1 << 20) this.flush()
  }
  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''))
    this.parts = []
    this.size = 0
  }
  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}

/** Contacts spooled per day: in memory until the buffer is full, then appended to day files. */
class DaySpool {
  private readonly pending = new Map<number, string[]>()
  private readonly onDisk = new Set<number>()
  private size = 0
  constructor(
    private readonly dir: string,
    private readonly startMs: number,
  ) {}

  add(e: Emitted): void {
    const day = Math.floor((e.at - this.startMs) / DAY_MS)
    const line = `${e.at}\t${JSON.stringify(e.contact)}\t${JSON.stringify(e.label)}\n`
    const list = this.pending.get(day) ?? []
    if (list.length === 0) this.pending.set(day, list)
    list.push(line)
    this.size += line.length
    if (this.size > FLUSH_CHARS) this.spill()
  }

  private spill(): void {
    for (const [day, lines] of this.pending) {
      writeFileSync(join(this.dir, `day-${day}.tsv`), lines.join(''), { flag: 'a' })
      this.onDisk.add(day)
    }
    this.pending.clear()
    this.size = 0
  }

  /** Every day's contacts in time order (ties keep generation order). */
  drain(contacts: LineWriter, labels: LineWriter): void {
    const days = [...new Set([...this.pending.keys(), ...this.onDisk])].sort((x, y) => x - y)
    for (const day of days) {
      const disk = this.onDisk.has(day)
        ? readFileSync(join(this.dir, `day-${day}.tsv`), 'utf8')
        : ''
      const lines = (disk + (this.pending.get(day)?.join('') ?? ''))
        .split('\n')
        .filter((l) => l !== '')
      const rows = lines.map((l) => ({ at: Number(l.slice(0, l.indexOf('\t'))), l }))
      rows.sort((x, y) => x.at - y.at)
      for (const { l } of rows) {
        const [, contact, label] = l.split('\t')
        contacts.write(`${contact}\n`)
        labels.write(`${label}\n`)
      }
    }
  }
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1
}

function sorted(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)))
}

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export async function writeSimulation(
  opts: SimulationOptions,
  outDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<Manifest> {
  const sim = prepareSimulation(opts)
  const { world } = sim
  mkdirSync(outDir, { recursive: true })
  const tmp = join(outDir, `.spool-${process.pid}-${Date.now()}`)
  mkdirSync(tmp, { recursive: true })
  const counts: SimulationCounts = {
    customers: world.customers,
    contacts: 0,
    abnormal: 0,
    watchlist: sim.watchlist.length,
    agencies: world.agencies.length,
    agencyClients: world.plan.agencySizes.reduce((a, b) => a + b, 0),
    rings: world.rings.length,
    byKind: {},
    byCategory: {},
    byChannel: {},
  }
  try {
    const watch = new LineWriter(join(outDir, 'watchlist.jsonl'))
    for (const e of sim.watchlist) watch.write(`${JSON.stringify(e)}\n`)
    watch.close()
    const customers = new LineWriter(join(outDir, 'customers.jsonl'))
    const spool = new DaySpool(tmp, world.period.startMs)
    for (let i = 0; i < world.customers; i++) {
      const { customer, contacts } = simulateCustomer(sim, i)
      customers.write(`${JSON.stringify(customer)}\n`)
      for (const e of contacts) {
        spool.add(e)
        counts.contacts++
        if (e.label.abnormal) counts.abnormal++
        bump(counts.byKind, e.label.kind ?? 'unknown')
        bump(counts.byCategory, e.label.category ?? 'none')
        bump(counts.byChannel, e.contact.channel)
      }
      if ((i + 1) % 2000 === 0) {
        onProgress?.(i + 1, world.customers)
        await yieldToLoop()
      }
    }
    customers.close()
    const contacts = new LineWriter(join(outDir, 'contacts.jsonl'))
    const labels = new LineWriter(join(outDir, 'labels.jsonl'))
    spool.drain(contacts, labels)
    contacts.close()
    labels.close()
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  onProgress?.(world.customers, world.customers)
  const manifest: Manifest = {
    generator: 'grayline-simulate',
    version: 1,
    options: {
      customers: world.customers,
      seed: opts.seed,
      start: opts.start ?? DEFAULT_START,
      days: world.period.days,
    },
    profile: world.profile,
    files: [
      'customers.jsonl',
      'contacts.jsonl',
      'labels.jsonl',
      'watchlist.jsonl',
      'manifest.json',
    ],
    counts: {
      ...counts,
      byKind: sorted(counts.byKind),
      byCategory: sorted(counts.byCategory),
      byChannel: sorted(counts.byChannel),
    },
  }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}
