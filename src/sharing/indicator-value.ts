// What may be shared is the agency's side only: an agent's phone, a WeChat id, an organisation's
// match key, a forged file's sha256. Each is canonicalised with the foundation's normalisation so
// that every member tokenises the same bytes for the same thing.
import { identifierKey, organizationIdentifier, phoneIdentifier } from '../links/identifier.js'
import { normalizeSha256, normalizeWechat } from '../normalize/index.js'

export const indicatorKinds = ['phone', 'wechat', 'organization', 'sha256'] as const
export type IndicatorKind = (typeof indicatorKinds)[number]

/** A canonical indicator: the local identifier key (`phone:+86…`) and the value that is tokenised. */
export type IndicatorValue = { kind: IndicatorKind; identifier: string; value: string }

export class IndicatorValueError extends Error {
  readonly code = 'indicator_value_invalid'
  constructor(
    readonly kind: IndicatorKind,
    reason: string,
  ) {
    super(`${kind}: ${reason}`)
  }
}

export function canonicalIndicator(kind: IndicatorKind, raw: string): IndicatorValue {
  const value = canonicalValue(kind, raw)
  if (value === null) throw new IndicatorValueError(kind, 'not a recognisable value')
  return { kind, identifier: identifierKey(kind, value), value }
}

function canonicalValue(kind: IndicatorKind, raw: string): string | null {
  switch (kind) {
    case 'phone': {
      const p = phoneIdentifier(raw)
      return p?.valid ? p.value : null
    }
    case 'wechat':
      return normalizeWechat(raw)
    case 'organization':
      return organizationIdentifier(raw)?.value ?? null
    case 'sha256':
      return normalizeSha256(raw)
  }
}

/** Identifiers a contact or customer link carries that sharing can talk about, keyed by kind. */
export function indicatorKindOf(identifier: string): IndicatorKind | null {
  const kind = identifier.slice(0, identifier.indexOf(':'))
  return (indicatorKinds as readonly string[]).includes(kind) ? (kind as IndicatorKind) : null
}

/** The identifier a raw value stands for even when it is no valid phone (short hotlines are not). */
export function looseIdentifier(kind: IndicatorKind, raw: string): string | null {
  if (kind === 'phone') return phoneIdentifier(raw)?.identifier ?? null
  const v = canonicalValue(kind, raw)
  return v === null ? null : identifierKey(kind, v)
}
