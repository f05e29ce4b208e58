import { afterEach, describe, expect, it } from 'vitest'
import { withHeapHeldClose } from './heap-growth.js'

describe('withHeapHeldClose', () => {
  afterEach(() => {
    delete process.env.GRAYLINE_HEAP_GROWTH
  })

  it('runs the work and hands back its result, nested or not', async () => {
    const inner = await withHeapHeldClose(() => withHeapHeldClose(() => Promise.resolve(42)))
    expect(inner).toBe(42)
    await expect(withHeapHeldClose(() => Promise.reject(new Error('failed run')))).rejects.toThrow(
      'failed run',
    )
  })

  it('refuses a growth setting that is not a whole percent, saying what to do', async () => {
    process.env.GRAYLINE_HEAP_GROWTH = 'fast'
    await expect(withHeapHeldClose(() => Promise.resolve(1))).rejects.toThrow(
      /GRAYLINE_HEAP_GROWTH must be a whole percent.*got "fast".*unset it/,
    )
    process.env.GRAYLINE_HEAP_GROWTH = '0'
    expect(await withHeapHeldClose(() => Promise.resolve(2))).toBe(2)
  })
})
