// A stable serialisation for change detection: the same record with its keys in another order is
// the same record, so a re-export and re-import is a no-op.
import { hash } from 'node:crypto'

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  // Built with += rather than map/join: this runs for every imported line.
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i])
    return out + ']'
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).sort()
  let out = '{'
  for (const k of keys) {
    const v = obj[k]
    if (v === undefined) continue
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(v)
  }
  return out + '}'
}

export function recordHash(value: unknown): string {
  return hash('sha1', canonicalJson(value), 'base64url')
}
