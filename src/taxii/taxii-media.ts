// The media types of TAXII 2.1 and STIX 2.1, the Accept check every TAXII endpoint makes, and the
// TAXII error message (title, description, http_status …) every failure is answered with.
export const TAXII_MEDIA = 'application/taxii+json;version=2.1'
export const STIX_MEDIA = 'application/stix+json;version=2.1'

/** TAXII 2.1 §3.6: title is required; http_status is a string. */
export type TaxiiErrorBody = {
  title: string
  description?: string
  error_id?: string
  error_code?: string
  http_status: string
  details?: Record<string, unknown>
}

export class TaxiiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    description: string,
    readonly errorCode?: string,
  ) {
    super(description)
  }

  body(): TaxiiErrorBody {
    return {
      title: this.title,
      description: this.message,
      http_status: String(this.status),
      ...(this.errorCode ? { error_code: this.errorCode } : {}),
    }
  }
}

type MediaRange = { type: string; params: Map<string, string> }

function parseMediaRange(s: string): MediaRange {
  const [type = '', ...rest] = s.split(';').map((p) => p.trim())
  const params = new Map<string, string>()
  for (const p of rest) {
    const eq = p.indexOf('=')
    if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim())
  }
  return { type: type.toLowerCase(), params }
}

/**
 * Whether an Accept header admits TAXII 2.1: `application/taxii+json;version=2.1`, or the type
 * without a version (the server's latest, 2.1). Anything else is a 406.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept) return false
  return accept.split(',').some((range) => {
    const r = parseMediaRange(range)
    const version = r.params.get('version')
    return r.type === 'application/taxii+json' && (version === undefined || version === '2.1')
  })
}

/** A POST body must say it is a TAXII 2.1 envelope (415 otherwise). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const r = parseMediaRange(contentType)
  const version = r.params.get('version')
  return r.type === 'application/taxii+json' && (version === undefined || version === '2.1')
}
