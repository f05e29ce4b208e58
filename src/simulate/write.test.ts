import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  contactSchema,
  customerSchema,
  labelSchema,
  parseInterchangeTime,
  watchlistEntrySchema,
} from '../contract/index.js'
import type { Manifest } from './write.js'
import { writeSimulation } from './write.js'

const FILES = [
  'customers.jsonl',
  'contacts.jsonl',
  'labels.jsonl',
  'watchlist.jsonl',
  'manifest.json',
]
const root = mkdtempSync(join(tmpdir(), 'grayline-sim-'))
const read = (dir: string, file: string) => readFileSync(join(root, dir, file), 'utf8')
const lines = (dir: string, file: string) =>
  read(dir, file)
    .split('\n')
    .filter((l) => l !== '')

let manifest: Manifest
const progress: [number, number][] = []

beforeAll(async () => {
  manifest = await writeSimulation({ customers: 20_000, seed: 2026 }, join(root, 'big'), (d, t) =>
    progress.push([d, t]),
  )
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('writeSimulation', () => {
  it('writes 20,000 customers with their contacts in time order and one label per contact, in step', () => {
    expect(lines('big', 'customers.jsonl')).toHaveLength(20_000)
    const contacts = lines('big', 'contacts.jsonl').map((l) => contactSchema.parse(JSON.parse(l)))
    const labels = lines('big', 'labels.jsonl').map((l) => labelSchema.parse(JSON.parse(l)))
    expect(contacts.length).toBe(manifest.counts.contacts)
    expect(labels.map((l) => l.contact_id)).toEqual(contacts.map((c) => c.contact_id))
    const times = contacts.map((c) => parseInterchangeTime(c.received_at))
    times.forEach((t, i) => i > 0 && expect(t).toBeGreaterThanOrEqual(times[i - 1] ?? 0))
    expect(times[0]).toBeGreaterThanOrEqual(parseInterchangeTime('2026-01-01T00:00:00+08:00'))
    expect(times[times.length - 1]).toBeLessThan(parseInterchangeTime('2026-06-30T00:00:00+08:00'))
  })

  it('writes valid customers and watchlist entries, and a manifest that counts them', () => {
    for (const l of lines('big', 'customers.jsonl'))
      expect(customerSchema.safeParse(JSON.parse(l)).success).toBe(true)
    const watch = lines('big', 'watchlist.jsonl')
    for (const l of watch) expect(watchlistEntrySchema.safeParse(JSON.parse(l)).success).toBe(true)
    expect(watch.length).toBe(manifest.counts.watchlist)
    const byKind = Object.values(manifest.counts.byKind).reduce((a, b) => a + b, 0)
    expect(byKind).toBe(manifest.counts.contacts)
    expect(JSON.parse(read('big', 'manifest.json'))).toEqual(manifest)
  })

  it('reports progress in customers up to the total', () => {
    expect(progress.length).toBeGreaterThan(5)
    expect(progress[progress.length - 1]).toEqual([20_000, 20_000])
  })

  it('lists a minority of agencies on the watchlist, some by numbers they no longer use', () => {
    const watch = lines('big', 'watchlist.jsonl').map((l) =>
      watchlistEntrySchema.parse(JSON.parse(l)),
    )
    const phones = new Set(watch.filter((w) => w.kind === 'phone').map((w) => w.value))
    const used = new Set(
      lines('big', 'contacts.jsonl').map((l) =>
        (JSON.parse(l) as { caller?: { phone?: string } }).caller?.phone
          ?.replace(/\D/g, '')
          .slice(-11),
      ),
    )
    const live = [...phones].filter((p) => used.has(p)).length
    expect(phones.size).toBeGreaterThan(0)
    expect(live).toBeLessThan(phones.size)
    for (const w of watch)
      expect(parseInterchangeTime(w.added_at)).toBeLessThan(
        parseInterchangeTime('2026-01-01T00:00:00+08:00'),
      )
  })

  it('is byte-identical for the same seed and different for another', async () => {
    await writeSimulation(
      { customers: 3000, seed: 9, profile: { name: 'x', paraphrase: 0.4 } },
      join(root, 'a'),
    )
    await writeSimulation(
      { customers: 3000, seed: 9, profile: { name: 'x', paraphrase: 0.4 } },
      join(root, 'b'),
    )
    await writeSimulation(
      { customers: 3000, seed: 10, profile: { name: 'x', paraphrase: 0.4 } },
      join(root, 'c'),
    )
    for (const f of FILES) expect(read('b', f), f).toBe(read('a', f))
    for (const f of FILES.slice(0, 3)) expect(read('c', f), f).not.toBe(read('a', f))
  })
})
