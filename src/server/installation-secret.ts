// The installation's own secret: keys the opaque identifier refs. From GRAYLINE_SECRET, or made once
// and kept in a file only the server's user can read, beside the database.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export function installationSecret(file: string, env = process.env): Buffer {
  if (env.GRAYLINE_SECRET) {
    const key = Buffer.from(env.GRAYLINE_SECRET, 'base64')
    if (key.length < 32)
      throw new Error(
        'GRAYLINE_SECRET must be at least 32 bytes, base64-encoded (openssl rand -base64 32)',
      )
    return key
  }
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  mkdirSync(dirname(file), { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return key
}
