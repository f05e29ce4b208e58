import { describe, expect, it } from 'vitest'
import { parseInterchangeTime, toStoredTime } from './time.js'

/** 2,000 times in the stored form, spread over ~78 years from 1990. */
const spreadTimes = () =>
  Array.from({ length: 2000 }, (_, i) =>
    new Date(Date.UTC(1990, 0, 1) + i * 1_234_567_891).toISOString(),
  )

describe('interchange time', () => {
  it('reads a time in the stored form as the same time written with an explicit +00:00', () => {
    const written = [
      '2026-03-01T09:30:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2026-02-30T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '0000-01-01T00:00:00.000Z',
    ]
    written.push(...spreadTimes())
    for (const utc of written) {
      const offset = utc.replace('Z', '+00:00')
      expect(Object.is(parseInterchangeTime(utc), parseInterchangeTime(offset)), utc).toBe(true)
    }
  })

  it('keeps a time already in the stored form only when the Date round trip would give it back', () => {
    const written = [
      '2026-02-28T23:59:59.999Z',
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2026-04-31T10:00:00.000Z',
      '2026-01-31T10:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
    ]
    written.push(...spreadTimes())
    for (const stored of written) {
      const t = Date.parse(stored)
      if (Number.isFinite(t)) expect(toStoredTime(stored), stored).toBe(new Date(t).toISOString())
    }
  })

  it('stores a time without an offset as Asia/Shanghai, in UTC', () => {
    expect(toStoredTime('2026-03-01 09:30')).toBe('2026-03-01T01:30:00.000Z')
    expect(toStoredTime('2026-03-01T09:30:00.000Z')).toBe('2026-03-01T09:30:00.000Z')
  })
})
