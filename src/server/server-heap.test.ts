import { YOUNG_GENERATION_PROBE } from '../test-support/young-generation.js'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  defaultYoungGenerationForWorkers,
  SERVER_HEAP_FLAGS,
  serveInChildWithHeap,
} from './server-heap.js'

describe('serveInChildWithHeap', () => {
  const saved = { heap: process.env.GRAYLINE_SERVER_HEAP, options: process.env.NODE_OPTIONS }
  afterEach(() => {
    process.env.GRAYLINE_SERVER_HEAP = saved.heap
    process.env.NODE_OPTIONS = saved.options
    if (saved.heap === undefined) delete process.env.GRAYLINE_SERVER_HEAP
    if (saved.options === undefined) delete process.env.NODE_OPTIONS
  })

  it('serves in this process when its young generation was given', async () => {
    process.env.NODE_OPTIONS = '--max-old-space-size=8192 --max-semi-space-size=32'
    expect(await serveInChildWithHeap()).toBeNull()
  })

  it('serves in this process when asked to with GRAYLINE_SERVER_HEAP=0', async () => {
    process.env.GRAYLINE_SERVER_HEAP = '0'
    expect(await serveInChildWithHeap()).toBeNull()
  })
})

describe('defaultYoungGenerationForWorkers', () => {
  it('leaves threads started before it the server young generation, and gives later ones the default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grayline-server-heap-'))
    try {
      const script = join(dir, 'program.mts')
      const module = fileURLToPath(new URL('./server-heap.ts', import.meta.url))
      const churn = YOUNG_GENERATION_PROBE
      writeFileSync(
        script,
        `import { defaultYoungGenerationForWorkers } from ${JSON.stringify(module)}
import { Worker } from 'node:worker_threads'
const run = () => new Promise((ok) =>
  new Worker(\`require('node:worker_threads').parentPort.postMessage((\${${JSON.stringify(churn)}})())\`, { eval: true })
    .once('message', ok))
const replica = await run()
const reset = defaultYoungGenerationForWorkers()
const later = await run()
process.stdout.write(JSON.stringify({ reset, replica, later }))
`,
      )
      const run = spawnSync(process.execPath, [...SERVER_HEAP_FLAGS, '--import', 'tsx', script], {
        encoding: 'utf8',
      })
      expect(run.status, run.stderr).toBe(0)
      const out = JSON.parse(run.stdout) as { reset: boolean; replica: number; later: number }
      expect(out.reset).toBe(true)
      // Two semi-spaces of 64 MB for a thread made under the server's flags; V8's default (at
      // most two of 16 MB) for one made after.
      expect(out.replica).toBeGreaterThan(64 * 2 ** 20)
      expect(out.later).toBeLessThanOrEqual(32 * 2 ** 20)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('leaves flags alone in a node it did not start', () => {
    expect(defaultYoungGenerationForWorkers()).toBe(false)
  })
})
