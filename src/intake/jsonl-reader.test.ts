import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readJsonLines } from './jsonl-reader.js'
import type { SourceLine } from './source-line.js'

async function read(bytes: Buffer): Promise<SourceLine[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'jsonl-')), 'lines.jsonl')
  writeFileSync(file, bytes)
  const out: SourceLine[] = []
  for await (const line of readJsonLines(file)) out.push(line)
  return out
}

/** What each line should read as: decoded on its own, as a person would split the file. */
function expected(lines: Buffer[]): { line: number; bytes: number; ok: boolean }[] {
  return lines
    .map((b, i) => ({ line: i + 1, bytes: b.length + 1, blank: b.toString().trim() === '' }))
    .filter((l) => !l.blank)
    .map(({ line, bytes }) => ({ line, bytes, ok: !lines[line - 1]!.includes(0xff) }))
}

describe('JSON Lines reader', () => {
  it('reads every line of a file of several chunks with its number and size, whatever it holds', async () => {
    const lines: Buffer[] = []
    for (let i = 0; i < 12_000; i++) {
      const text = `{"contact_id":"K${i}","text":"${'客户来电咨询还款计划'.repeat(i % 40)}"}`
      if (i === 0) lines.push(Buffer.from(`\uFEFF${text}`))
      else if (i % 997 === 0) lines.push(Buffer.concat([Buffer.from(text), Buffer.from([0xff])]))
      else if (i % 501 === 0) lines.push(Buffer.from(''))
      else if (i % 7 === 0) lines.push(Buffer.from(`${text}\r`))
      else lines.push(Buffer.from(text))
    }
    const read_ = await read(Buffer.concat(lines.flatMap((b) => [b, Buffer.from('\n')])))
    expect(read_.map((l) => ({ line: l.line, bytes: l.bytes, ok: 'value' in l }))).toEqual(
      expected(lines),
    )
    const values = read_.filter((l) => 'value' in l).map((l) => (l as { value: unknown }).value)
    expect(values[0]).toEqual({ contact_id: 'K0', text: '' })
    expect(values.every((v) => typeof (v as { text: string }).text === 'string')).toBe(true)
    // A line's bytes come with it only when they are its text exactly: never with the BOM or a CR.
    const bytesOf = (l: SourceLine) => ('value' in l ? l.utf8 : undefined)
    for (const l of read_) {
      const utf8 = bytesOf(l)
      if (utf8) expect(Buffer.from(utf8).toString('utf8')).toBe(l.raw)
    }
    const crLines = read_.filter((l) => (l.line - 1) % 7 === 0 && (l.line - 1) % 997 !== 0)
    expect(crLines.every((l) => 'value' in l && !l.utf8)).toBe(true)
    expect(bytesOf(read_[0]!)).toBeUndefined()
  })

  it('reads a last line without a newline, and a line that starts with a byte-order mark', async () => {
    const lines = await read(Buffer.from('{"a":1}\n\uFEFF{"b":2}\n{"c":3}'))
    expect(lines.map((l) => ('value' in l ? l.value : l.error))).toEqual([
      { a: 1 },
      { b: 2 },
      { c: 3 },
    ])
  })

  it("gives a line's bytes with it when they are exactly its text", async () => {
    const lines = await read(
      Buffer.from('\uFEFF{"a":1}\n{"b":"王建国"}\n{"c":3}\r\n{"d":4}\n{"e":5}'),
    )
    expect(
      lines.map((l) => ('value' in l && l.utf8 ? Buffer.from(l.utf8).toString() : null)),
    ).toEqual([
      null, // the byte-order mark is not part of the text
      '{"b":"王建国"}',
      null, // nor is a CR
      '{"d":4}',
      null, // a line without a newline, at the end, is read on its own
    ])
  })
})
