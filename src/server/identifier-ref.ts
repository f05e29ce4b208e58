// Opaque, stable references to identifiers, so that a raw phone number never appears in a URL, a
// log line or a browser's history. Deterministic (the same identifier always gets the same ref,
// so links and filters work) by deriving the nonce from the identifier (the SIV idea), and
// authenticated, so a forged ref is refused rather than decrypted into garbage.
// Being deterministic, a ref can be remembered: screening presents the same agency numbers over
// and over, and an HMAC plus an AES-GCM seal cost more than the rest of presenting a signal.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto'

/** Refs remembered (about 100 bytes each); past that the oldest half is forgotten. */
const REMEMBERED_REFS = 20_000

export class IdentifierRefs {
  private readonly encKey: Buffer
  private readonly nonceKey: Buffer
  private readonly made = new Map<string, string>()

  constructor(
    secret: Buffer,
    private readonly remembered = REMEMBERED_REFS,
  ) {
    this.encKey = Buffer.from(hkdfSync('sha256', secret, '', 'grayline identifier ref enc', 32))
    this.nonceKey = Buffer.from(hkdfSync('sha256', secret, '', 'grayline identifier ref nonce', 32))
  }

  ref(identifier: string): string {
    let ref = this.made.get(identifier)
    if (ref === undefined) {
      ref = this.seal(identifier)
      if (this.made.size >= this.remembered) this.forgetOldestHalf()
      this.made.set(identifier, ref)
    }
    return ref
  }

  private forgetOldestHalf(): void {
    let n = this.made.size / 2
    for (const key of this.made.keys()) {
      if (n-- <= 0) break
      this.made.delete(key)
    }
  }

  private seal(identifier: string): string {
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
