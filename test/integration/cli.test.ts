import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildContact, buildCustomer, writeJsonl, writeRaw } from './builders.js'
import { tempDir } from './stores.js'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../../bin/grayline.js')

async function grayline(args: string[], dir: string) {
  try {
    const r = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', GRAYLINE_DB: join(dir, 'cli.db') },
      cwd: dir,
    })
    return { code: 0, ...r }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('grayline command line', () => {
  it('imports a file with a bad line, names it, and exits 2 with the good lines kept', async () => {
    const dir = tempDir()
    const file = writeRaw(
      dir,
      'contacts.jsonl',
      `${JSON.stringify(buildContact({ contact_id: 'K1' }))}\n{"contact_id":"K2","channel":"fax","received_at":"2026-03-01T10:00:00+08:00"}\n`,
    )
    const r = await grayline(['import', 'contacts', file], dir)
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('2 lines — 1 new, 0 updated, 0 unchanged, 1 rejected')
    const reject = JSON.parse(readFileSync(`${file}.rejects.jsonl`, 'utf8'))
    expect(reject).toMatchObject({ file, line: 2, field: 'channel' })
  })

  it('says what to do about a missing file, without a stack trace', async () => {
    const dir = tempDir()
    const r = await grayline(['import', 'customers', 'no-such.jsonl'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^grayline: no-such\.jsonl: no such file — check the path/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('assesses files into a throw-away store and writes spec assessments', async () => {
    const dir = tempDir()
    const customers = writeJsonl(dir, 'customers.jsonl', [buildCustomer({ customer_id: 'C1' })])
    const contacts = writeJsonl(dir, 'contacts.jsonl', [
      buildContact({ contact_id: 'K1', customer_id: 'C1' }),
    ])
    const out = join(dir, 'assessments.jsonl')
    const r = await grayline(
      [
        'assess',
        '--customers',
        customers,
        '--contacts',
        contacts,
        '--out',
        out,
        '--db',
        ':memory:',
      ],
      dir,
    )
    expect(r.code).toBe(0)
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toEqual([
      expect.objectContaining({
        contact_id: 'K1',
        risk: 'none',
        categories: [],
        rules_version: expect.any(String),
      }),
    ])
    expect(existsSync(join(dir, 'cli.db'))).toBe(false)
  })

  it('writes the interchange JSON Schemas generated from the zod schemas', async () => {
    const dir = tempDir()
    const r = await grayline(['schema', '--out', join(dir, 'schema')], dir)
    expect(r.code).toBe(0)
    const schema = JSON.parse(readFileSync(join(dir, 'schema', 'contacts.schema.json'), 'utf8'))
    expect(schema.required).toEqual(
      expect.arrayContaining(['contact_id', 'channel', 'received_at']),
    )
    expect(schema.properties.channel.enum).toContain('victim_report')
  })
})
