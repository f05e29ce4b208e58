// A stable serialisation for change detection: the same record with its keys in another order is
// the same record, so a re-export and re-import is a no-op.
import { hash } from 'node:crypto'

/** Property names quoted once: records repeat the same few dozen names millions of times. */
const quotedKeys = new Map<string, string>()

function quoted(key: string): string {
  let q = quotedKeys.get(key)
  if (q === undefined) {
    q = JSON.stringify(key)
    if (quotedKeys.size < 10_000) quotedKeys.set(key, q)
  }
  return q
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  // Built with += rather than map/join: this runs for every imported line.
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i])
    return out + ']'
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (!isSorted(keys)) keys.sort()
  let out = '{'
  for (const k of keys) {
    const v = obj[k]
    if (v === undefined) continue
    out +=
      (out.length > 1 ? ',' : '') +
      quoted(k) +
      ':' +
      (typeof v === 'string' ? JSON.stringify(v) : canonicalJson(v))
  }
  return out + '}'
}

function isSorted(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) return false
  return true
}

export function recordHash(value: unknown): string {
  return hash('sha1', canonicalJson(value), 'base64url')
}
