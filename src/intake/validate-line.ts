// Turns a source line into a typed record or a rejection that names the field at fault.
import type { z } from 'zod'
import type { SourceLine } from './source-line.js'

export type LineResult<T> =
  { ok: true; record: T } | { ok: false; field: string | null; reason: string }

export function validateLine<T>(schema: z.ZodType<T>, src: SourceLine): LineResult<T> {
  if ('error' in src) return { ok: false, field: src.error.field ?? null, reason: src.error.reason }
  if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
    return { ok: false, field: null, reason: 'expected a JSON object on the line' }
  }
  const parsed = schema.safeParse(src.value)
  if (parsed.success) return { ok: true, record: parsed.data }
  const issues = parsed.error.issues
  const first = issues[0]
  const field = first && first.path.length ? first.path.join('.') : null
  const reason = issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${describeIssue(i)}`)
    .join('; ')
  return { ok: false, field, reason }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined'))
    return 'required field is missing'
  if (issue.code === 'invalid_value') return `${issue.message}`
  return issue.message
}
