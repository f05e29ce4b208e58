// STIX identifiers. Indicators get a name-based id (the same token in the same collection is the
// same object across republishing, so TAXII versions line up); everything else a random UUIDv4.
import { createHash, randomUUID } from 'node:crypto'

export function randomStixId(type: string): string {
  return `${type}--${randomUUID()}`
}

/** A UUIDv5-shaped id from a SHA-256 of the name (version and variant bits set per RFC 4122). */
export function namedStixId(type: string, name: string): string {
  const h = createHash('sha256').update(`${type}|${name}`).digest()
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${type}--${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}
