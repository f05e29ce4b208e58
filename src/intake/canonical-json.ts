// A stable serialisation for change detection: the same record with its keys in another order is
// the same record, so a re-export and re-import is a no-op.
import { hash } from 'node:crypto'

/**
 * Records repeat the same few dozen key lists (a key list is an object's keys in their order)
 * millions of times: each list's sorted order is worked out once. A list with a key that V8
 * would not enumerate in insertion order (an integer-like key, `__proto__`) is `null`: written
 * by hand below.
 */
type KeyOrder = { keys: string[]; sorted: string[] | null }
const keyOrders = new Map<string, KeyOrder>()
const MAX_KEY_ORDERS = 10_000

/** Property names quoted once, for the hand-written form. */
const quotedKeys = new Map<string, string>()

/** What the copy gives for a record holding a key list it cannot order: written by hand then. */
const UNORDERABLE = Symbol('unorderable')

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  // A copy with its keys inserted in sorted order, written by JSON.stringify: twice as fast as
  // writing it by hand (measured 6.5 against 15 µs a bench contact).
  const copy = sortedCopy(value)
  return copy === UNORDERABLE ? written(value) : JSON.stringify(copy)
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) {
      const v = sortedCopy(value[i])
      if (v === UNORDERABLE) return v
      out[i] = v
    }
    return out
  }
  const obj = value as Record<string, unknown>
  const sorted = sortedKeys(Object.keys(obj))
  if (sorted === null) return UNORDERABLE
  const out: Record<string, unknown> = {}
  // An undefined value stays undefined, and JSON.stringify leaves it out.
  for (const k of sorted) {
    const v = sortedCopy(obj[k])
    if (v === UNORDERABLE) return v
    out[k] = v
  }
  return out
}

function sortedKeys(keys: string[]): string[] | null {
  const signature = keys.join('\u0000')
  const known = keyOrders.get(signature)
  // A key holding the separator could give two lists one signature: the list itself decides.
  if (known && sameKeys(known.keys, keys)) return known.sorted
  const sorted = keys.some(outOfInsertionOrder) ? null : [...keys].sort()
  if (keyOrders.size < MAX_KEY_ORDERS) keyOrders.set(signature, { keys, sorted })
  return sorted
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Keys an object does not enumerate in insertion order, or that assignment does not create. */
function outOfInsertionOrder(key: string): boolean {
  return key === '__proto__' || /^\d+$/.test(key)
}

/** The same form written piece by piece: for the rare record the sorted copy cannot hold. */
function written(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + written(value[i])
    return out + ']'
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).sort()
  let out = '{'
  for (const k of keys) {
    const v = obj[k]
    if (v === undefined) continue
    out +=
      (out.length > 1 ? ',' : '') +
      quoted(k) +
      ':' +
      (typeof v === 'string' ? JSON.stringify(v) : written(v))
  }
  return out + '}'
}

function quoted(key: string): string {
  let q = quotedKeys.get(key)
  if (q === undefined) {
    q = JSON.stringify(key)
    if (quotedKeys.size < 10_000) quotedKeys.set(key, q)
  }
  return q
}

export function recordHash(value: unknown): string {
  return hash('sha1', canonicalJson(value), 'base64url')
}
