// The member's side of tokenisation: canonical values are blinded here, only blinded elements go
// to the consortium service, and its reply is accepted only when the batch proof verifies against
// the epoch's public key (pinned after the first fetch, so a later key swap is refused).
import type { Clock } from '../context.js'
import { blindBatch, finaliseBatch } from '../sharing/token-batch.js'
import type { TokenisedType } from '../sharing/token-suite.js'
import { epochOf } from './consortium-keys.js'
import type { EvaluationReply } from './evaluation.service.js'
import { fromB64, MAX_BATCH, toB64 } from './evaluation.service.js'

export type Tokeniser = {
  epoch(): string
  tokenise(type: TokenisedType, values: string[]): Promise<string[]>
}

export type ConsortiumClientOptions = {
  /** The consortium service's base URL, e.g. http://127.0.0.1:4100 */
  url: string
  token: string
  consortium: string
  clock: Clock
  fetch?: typeof fetch
}

export class ConsortiumRequestError extends Error {
  readonly code = 'consortium_request_failed'
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the consortium service answered ${status}: ${body.slice(0, 300)}`)
  }
}

export class ConsortiumClient implements Tokeniser {
  private readonly keys = new Map<string, Uint8Array>()
  private readonly http: typeof fetch

  constructor(private readonly o: ConsortiumClientOptions) {
    this.http = o.fetch ?? fetch
  }

  epoch(): string {
    return epochOf(this.o.clock.now())
  }

  async tokenise(type: TokenisedType, values: string[]): Promise<string[]> {
    const epoch = this.epoch()
    const publicKey = await this.publicKey(epoch)
    const domain = { consortium: this.o.consortium, type, epoch }
    const tokens: string[] = []
    for (let i = 0; i < values.length; i += MAX_BATCH) {
      const batch = blindBatch(domain, values.slice(i, i + MAX_BATCH), publicKey)
      const reply = await this.call<EvaluationReply>('POST', '/consortium/v1/evaluate', {
        type,
        epoch,
        blinded: batch.blinded.map(toB64),
      })
      if (reply.public_key !== toB64(publicKey))
        throw new ConsortiumRequestError(200, 'evaluated under a key other than the pinned one')
      const evaluated = reply.evaluated.map(fromB64)
      tokens.push(...finaliseBatch(batch, { evaluated, proof: fromB64(reply.proof) }))
    }
    return tokens
  }

  private async publicKey(epoch: string): Promise<Uint8Array> {
    const known = this.keys.get(epoch)
    if (known) return known
    const r = await this.call<{ public_key: string }>('GET', `/consortium/v1/keys/${epoch}`)
    const key = fromB64(r.public_key)
    this.keys.set(epoch, key)
    return key
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.http(new URL(path, this.o.url), {
      method,
      headers: {
        authorization: `Bearer ${this.o.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    if (!res.ok) throw new ConsortiumRequestError(res.status, text)
    return JSON.parse(text) as T
  }
}
