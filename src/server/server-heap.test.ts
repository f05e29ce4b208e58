import { afterEach, describe, expect, it } from 'vitest'
import { serveInChildWithHeap } from './server-heap.js'

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
