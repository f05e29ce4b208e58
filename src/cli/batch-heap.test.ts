import { YOUNG_GENERATION_PROBE } from '../test-support/young-generation.js'
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

  it('otherwise runs the program again in a child with the flag and hands back its exit code; workers keep the default young generation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grayline-batch-heap-'))
    try {
      const script = join(dir, 'program.mts')
      const module = fileURLToPath(new URL('./batch-heap.ts', import.meta.url))
      const churn = YOUNG_GENERATION_PROBE
      writeFileSync(
        script,
        `import { runInChildWithBatchHeap } from ${JSON.stringify(module)}
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
const done = await runInChildWithBatchHeap()
if (done !== null) process.exit(done)
const require = createRequire(import.meta.url)
const worker = await new Promise((ok) =>
  new Worker(\`require('node:worker_threads').parentPort.postMessage((\${${JSON.stringify(churn)}})())\`, { eval: true })
    .once('message', ok),
)
const main = (${churn})()
process.stdout.write(JSON.stringify({ execArgv: process.execArgv, main, worker }))
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
      const out = JSON.parse(run.stdout) as { execArgv: string[]; main: number; worker: number }
      expect(out.execArgv).toEqual(expect.arrayContaining(BATCH_HEAP_FLAGS))
      // The main thread's young generation grows past V8's default (at most two semi-spaces of
      // 16 MB) under the flag; a worker's stays within the default.
      expect(out.main).toBeGreaterThan(32 * 2 ** 20)
      expect(out.worker).toBeLessThanOrEqual(32 * 2 ** 20)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
