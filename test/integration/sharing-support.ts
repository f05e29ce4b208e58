// Helpers the sharing tests share: the whole POPRF round trip in process, under a fixed key.
import type { Tokeniser } from '../../src/consortium/index.js'
import { blindBatch, evaluateBatch, finaliseBatch } from '../../src/sharing/token-batch.js'
import { epochKeyPair } from '../../src/sharing/token-suite.js'

export function localTokeniser(epoch = '2026-05'): Tokeniser {
  const keys = epochKeyPair(new Uint8Array(32).fill(3), epoch)
  return {
    epoch: () => epoch,
    tokenise: (type, values) => {
      const domain = { consortium: 'cfc-east', type, epoch }
      const batch = blindBatch(domain, values, keys.publicKey)
      return Promise.resolve(
        finaliseBatch(batch, evaluateBatch(domain, keys.secretKey, batch.blinded)),
      )
    },
  }
}
