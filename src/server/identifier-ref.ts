// Opaque, stable references to identifiers, so that a raw phone number never appears in a URL, a
// log line or a browser's history. Deterministic (the same identifier always gets the same ref,
// so links and filters work) by deriving the nonce from the identifier (the SIV idea), and
// authenticated, so a forged ref is refused rather than decrypted into garbage.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto'

export class IdentifierRefs {
  private readonly encKey: Buffer
  private readonly nonceKey: Buffer

  constructor(secret: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', secret, '', 'grayline identifier ref enc', 32))
    this.nonceKey = Buffer.from(hkdfSync('sha256', secret, '', 'grayline identifier ref nonce', 32))
  }

  ref(identifier: string): string {
    const nonce = createHmac('sha256', this.nonceKey).update(identifier).digest().subarray(0, 12)
    const cipher = createCipheriv('aes-256-gcm', this.encKey, nonce)
    const body = Buffer.concat([cipher.update(identifier, 'utf8'), cipher.final()])
    return 'ir_' + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url')
  }

  /** The identifier behind a ref, or null for anything this installation did not make. */
  resolve(ref: string): string | null {
    if (!ref.startsWith('ir_')) return null
    const raw = Buffer.from(ref.slice(3), 'base64url')
    if (raw.length < 29) return null
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    } catch {
      return null
    }
  }
}
