// The query of the objects, manifest and versions endpoints: added_after, limit, next and the
// match[...] filters of TAXII 2.1 §3.4, parsed once and validated with zod.
import { z } from 'zod'
import { TaxiiError } from './taxii-media.js'

export const DEFAULT_PAGE = 100
export const MAX_PAGE = 1000

const timestamp = z.iso.datetime({ offset: true })
const list = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)

const querySchema = z.object({
  added_after: timestamp.optional(),
  limit: z.coerce.number().int().min(1).optional(),
  next: z.string().max(500).optional(),
  'match[id]': z.string().max(4000).optional(),
  'match[type]': z.string().max(2000).optional(),
  'match[version]': z.string().max(2000).optional(),
  'match[spec_version]': z.string().max(100).optional(),
})

/** `last` (the default), `first`, `all`, or specific versions (timestamps). */
export type VersionMatch = { kind: 'last' | 'first' | 'all' } | { kind: 'at'; versions: string[] }

export type TaxiiQuery = {
  addedAfter?: string
  limit: number
  next?: PageMark
  ids?: string[]
  types?: string[]
  version: VersionMatch
  specVersions?: string[]
}

/** Where the previous page stopped: the last row's date_added, object id and version. */
export type PageMark = { d: string; o: string; v: string }

export function parseTaxiiQuery(raw: unknown, defaultVersion: VersionMatch['kind'] = 'last') {
  const parsed = querySchema.safeParse(raw)
  if (!parsed.success)
    throw new TaxiiError(
      400,
      'Bad request',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    )
  const q = parsed.data
  const query: TaxiiQuery = {
    addedAfter: q.added_after ? new Date(q.added_after).toISOString() : undefined,
    limit: Math.min(q.limit ?? DEFAULT_PAGE, MAX_PAGE),
    next: q.next === undefined ? undefined : decodeMark(q.next),
    ids: list(q['match[id]']),
    types: list(q['match[type]']),
    version: versionMatch(list(q['match[version]']), defaultVersion),
    specVersions: list(q['match[spec_version]']),
  }
  return query
}

function versionMatch(values: string[] | undefined, fallback: VersionMatch['kind']): VersionMatch {
  if (!values?.length) return { kind: fallback as 'last' | 'first' | 'all' }
  for (const k of ['all', 'last', 'first'] as const) if (values.includes(k)) return { kind: k }
  const versions = values.map((v) => {
    if (!timestamp.safeParse(v).success)
      throw new TaxiiError(
        400,
        'Bad request',
        `match[version]: ${v} is neither first, last, all nor a timestamp`,
      )
    return new Date(v).toISOString()
  })
  return { kind: 'at', versions }
}

export function encodeMark(m: PageMark): string {
  return Buffer.from(JSON.stringify(m)).toString('base64url')
}

function decodeMark(s: string): PageMark {
  try {
    const m = z
      .object({ d: z.string(), o: z.string(), v: z.string() })
      .parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')))
    return m
  } catch {
    throw new TaxiiError(400, 'Bad request', 'next: not a value this server gave')
  }
}
