// The consortium service's POPRF keys, one per epoch (a calendar month), derived from its secret
// seed: nothing to store or rotate by hand, and a new month's tokens never link to last month's.
import { createHmac } from 'node:crypto'
import { epochKeyPair } from '../sharing/token-suite.js'

export type EpochKey = { epoch: string; secretKey: Uint8Array; publicKey: Uint8Array }

export function epochOf(at: Date): string {
  return at.toISOString().slice(0, 7)
}

/** Epochs the service evaluates in: this month, and last month for a day of grace at the turn. */
export function acceptedEpochs(at: Date): string[] {
  const previous = new Date(at.getTime() - 24 * 3600_000)
  return [...new Set([epochOf(at), epochOf(previous)])]
}

export class ConsortiumKeys {
  private readonly cache = new Map<string, EpochKey>()
  private readonly seed: Buffer

  /** `secret` is the installation key; the OPRF seed is derived from it for this one purpose. */
  constructor(secret: Uint8Array) {
    this.seed = createHmac('sha256', secret).update('grayline consortium poprf seed').digest()
  }

  forEpoch(epoch: string): EpochKey {
    const known = this.cache.get(epoch)
    if (known) return known
    const keys = epochKeyPair(this.seed, epoch)
    const key = { epoch, secretKey: keys.secretKey, publicKey: keys.publicKey }
    this.cache.set(epoch, key)
    return key
  }
}
