// Session and API token secrets are stored and cached only as their SHA-256: the secrets are
// 32 random bytes, so a fast hash is enough and a copy of the database opens nothing.
import { createHash, randomBytes } from 'node:crypto'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}
