// Session and API token secrets are stored and cached only as their SHA-256: the secrets are
// 32 random bytes, so a fast hash is enough and a copy of the database opens nothing.
import { hash, randomBytes } from 'node:crypto'

// The one-shot hash: every API request hashes its credential to find it in the cache, and a Hash
// object a call cost three times as much.
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex')
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}
