// Password hashing with scrypt (memory-hard, in node:crypto, no native add-on to build). The
// parameters are stored with each hash so that they can be raised later without a migration.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'

export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 200

const N = 16384
const R = 8
const P = 1
const SALT_BYTES = 16
const KEY_BYTES = 32
// A stored hash is data: bound what it can ask of the CPU and memory before trusting it.
const MAX_N = 1 << 20
const MAX_RP = 16

function deriveKey(password: string, salt: Buffer, keyLength: number, o: ScryptOptions) {
  const maxmem = 256 * (o.N ?? N) * (o.r ?? R) + 1024 * 1024
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...o, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

/** `scrypt$N$r$p$saltB64$hashB64` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await deriveKey(password, salt, KEY_BYTES, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

const within = (x: number, low: number, high: number) =>
  Number.isInteger(x) && x >= low && x <= high

/** True when `password` matches `stored`; false for a wrong password and for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const salt = Buffer.from(parts[4] ?? '', 'base64')
  const expected = Buffer.from(parts[5] ?? '', 'base64')
  const sane =
    within(n, 2, MAX_N) &&
    (n & (n - 1)) === 0 &&
    within(r, 1, MAX_RP) &&
    within(p, 1, MAX_RP) &&
    salt.length >= 8 &&
    (expected.length === 32 || expected.length === 64)
  if (!sane) return false
  const actual = await deriveKey(password, salt, expected.length, { N: n, r, p })
  return timingSafeEqual(actual, expected)
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = Array.from(password).length
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`
  if (password.trim() === '') return 'must not be only spaces'
  return null
}

let dummyHash: Promise<string> | undefined

/**
 * A hash of a password nobody knows: logging in as an unknown user still spends one scrypt, so
 * the time taken does not tell which usernames exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'))
  return dummyHash
}
