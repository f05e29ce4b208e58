// Query-string helpers: comma-separated lists of known values, and ISO times.
import { z } from 'zod'
import { interchangeTime } from '../contract/time.js'
import { parseInterchangeTime } from '../contract/index.js'

/** `risk=high,medium` → ['high', 'medium'], each checked against the allowed values. */
export function csvOf<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)))
    .optional()
}

export const csvText = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200)))
  .optional()

/** An interchange time in, a UTC ISO string out: what the stores compare against. */
export const isoTime = interchangeTime.transform((v) =>
  new Date(parseInterchangeTime(v)).toISOString(),
)

export const pageLimit = (max: number, dflt = 50) =>
  z.coerce.number().int().min(1).max(max).default(dflt)

export const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional()
