import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { BATCH_HEAP_FLAGS, runInChildWithBatchHeap } from './batch-heap.js'

describe('runInChildWithBatchHeap', () => {
  const saved = { heap: process.env.GRAYLINE_BATCH_HEAP, options: process.env.NODE_OPTIONS }
  afterEach(() => {
    process.env.GRAYLINE_BATCH_HEAP = saved.heap
    process.env.NODE_OPTIONS = saved.options
    if (saved.heap === undefined) delete process.env.GRAYLINE_BATCH_HEAP
    if (saved.options === undefined) delete process.env.NODE_OPTIONS
  })

  it('works in this process when its young generation was given', async () => {
    process.env.NODE_OPTIONS = '--max-semi-space-size=32'
    expect(await runInChildWithBatchHeap()).toBeNull()
  })

  it('works in this process when asked to with GRAYLINE_BATCH_HEAP=0', async () => {
    process.env.GRAYLINE_BATCH_HEAP = '0'
    expect(await runInChildWithBatchHeap()).toBeNull()
  })

  it('otherwise runs the program again in a child with the flag and hands back its exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grayline-batch-heap-'))
    try {
      const script = join(dir, 'program.mts')
      const module = fileURLToPath(new URL('./batch-heap.ts', import.meta.url))
      writeFileSync(
        script,
        `import { runInChildWithBatchHeap } from ${JSON.stringify(module)}
const done = await runInChildWithBatchHeap()
if (done !== null) process.exit(done)
process.stdout.write(JSON.stringify(process.execArgv))
process.exit(7)
`,
      )
      const env = { ...process.env }
      delete env.GRAYLINE_BATCH_HEAP
      delete env.NODE_OPTIONS
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env,
        encoding: 'utf8',
      })
      expect(run.status).toBe(7)
      expect(JSON.parse(run.stdout) as string[]).toEqual(expect.arrayContaining(BATCH_HEAP_FLAGS))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
