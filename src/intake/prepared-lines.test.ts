import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { benchContact, rng } from '../../bench/bench-data.js'
import type { PreparedLine } from './line-preparation.js'
import { preparedLines } from './prepared-lines.js'
import type { PreparedRecord } from './prepared-record.js'

async function all(lines: AsyncGenerator<PreparedLine[]>): Promise<unknown[]> {
  const out: unknown[] = []
  for await (const chunk of lines)
    for (const l of chunk) out.push('record' in l ? { ...l, record: comparable(l.record) } : l)
  return out
}

/** A record as plain values: its text as a string, and its bytes (if any) as the text they hold. */
function comparable(r: PreparedRecord): Record<string, unknown> {
  const { key, hash, json, jsonBytes, columns, links } = r
  const bytes = jsonBytes && Buffer.from(jsonBytes).toString('utf8')
  return { key, hash, json, bytes, columns, links }
}

describe('prepared lines', () => {
  it('hands over from the worker every line, in order, as this thread prepares it', async () => {
    const r = rng(3)
    const agents = Array.from({ length: 20 }, r.mobile)
    const contacts = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify(benchContact(i, { n: 1500, r, agents })),
    )
    contacts[700] = '{"contact_id":"bad"}'
    const file = join(mkdtempSync(join(tmpdir(), 'prepared-')), 'contacts.jsonl')
    writeFileSync(file, `${contacts.join('\n')}\n`)
    const here = await all(preparedLines(file, 'contacts', false))
    const fromWorker = await all(preparedLines(file, 'contacts', true))
    expect(here).toHaveLength(1500)
    expect(fromWorker).toEqual(here)
    // Lines written as the record is stored (most: some have keys in another order than the
    // schema's) came with their bytes.
    const withBytes = here.filter((l) => (l as { record?: { bytes?: string } }).record?.bytes)
    expect(withBytes.length).toBeGreaterThan(1400)
  }, 30_000)

  it("fails with the worker's failure rather than waiting for lines that never come", async () => {
    const lines = preparedLines(join(tmpdir(), 'no-such-dir', 'contacts.jsonl'), 'contacts', true)
    await expect(all(lines)).rejects.toThrow(/ENOENT|no such file/)
  }, 30_000)
})
