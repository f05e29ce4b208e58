import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { labelSchema } from '../contract/index.js'
import { evaluateFiles } from './evaluate-files.js'
import { JsonlLineError, readJsonl } from './read-jsonl.js'

const dir = mkdtempSync(join(tmpdir(), 'grayline-eval-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, lines: string[]): string {
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const v of it) out.push(v)
  return out
}

const LABEL =
  '{"contact_id":"c1","abnormal":true,"category":"proxy_in_consumer_name","gang":"G1","kind":"agency"}'

describe('readJsonl', () => {
  it('reads validated records, skipping blank lines, a BOM and CRLF line ends', async () => {
    const path = file('ok.jsonl', [
      `\uFEFF${LABEL}\r`,
      '',
      '{"contact_id":"c2","abnormal":false,"category":null,"gang":null}',
    ])
    const labels = await collect(readJsonl(path, labelSchema))
    expect(labels.map((l) => l.contact_id)).toEqual(['c1', 'c2'])
  })

  it('names the file, line and field of a record that does not match the schema', async () => {
    const path = file('bad-field.jsonl', [
      LABEL,
      '{"contact_id":"c2","abnormal":"yes","category":null,"gang":null}',
    ])
    const err = await collect(readJsonl(path, labelSchema)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(JsonlLineError)
    expect(err).toMatchObject({ file: path, line: 2, field: 'abnormal' })
    expect(String(err)).toContain(`${path}, line 2, field abnormal`)
  })

  it('names the file and line of a line that is not JSON', async () => {
    const path = file('bad-json.jsonl', [LABEL, LABEL, '{"contact_id": '])
    await expect(collect(readJsonl(path, labelSchema))).rejects.toThrow(
      `${path}, line 3: invalid JSON`,
    )
  })

  it('fails with the file name when the file does not exist', async () => {
    await expect(collect(readJsonl(join(dir, 'nope.jsonl'), labelSchema))).rejects.toThrow(
      'nope.jsonl',
    )
  })
})

describe('evaluateFiles', () => {
  it('scores an assessments file against a labels file', async () => {
    const labels = file('labels.jsonl', [
      LABEL,
      '{"contact_id":"c2","abnormal":false,"category":null,"gang":null,"kind":"relative"}',
    ])
    const a = (id: string, risk: string) =>
      JSON.stringify({
        contact_id: id,
        risk,
        severity: null,
        categories: [],
        signals: [],
        gang_id: null,
        recommended_action: 'none',
        rules_version: 'v1',
      })
    const assessments = file('assessments.jsonl', [a('c2', 'high'), a('c1', 'medium')])
    const r = await evaluateFiles({ labels, assessments })
    expect(r.confusion).toEqual({ tp: 1, fp: 1, fn: 0, tn: 0 })
    expect(r.byKind.find((k) => k.kind === 'relative')?.falsePositiveRate).toBe(1)
  })
})
