// The member's side of tokenisation: canonical values are blinded here, only blinded elements go
// to the consortium service, and its reply is accepted only when the batch proof verifies against
// the epoch's public key (pinned after the first fetch, so a later key swap is refused).
// Blinding and finalising run on the process's token workers (token-pool.ts), several batches at
// once, so that the event loop stays free and the member and the service compute at the same time.
import type { Clock } from '../context.js'
import type { TokenPool } from '../sharing/token-pool.js'
import { tokenPool } from '../sharing/token-pool.js'
import type { TokenDomain, TokenisedType } from '../sharing/token-suite.js'
import { epochOf } from './consortium-keys.js'
import type { EvaluationReply } from './evaluation.service.js'
import { fromB64, MAX_BATCH, toB64 } from './evaluation.service.js'

/** Called with each verified batch's tokens, `from` being the index of its first value. */
export type TokenSink = (tokens: string[], from: number) => Promise<void> | void

export type Tokeniser = {
  epoch(): string
  /**
   * Tokens in the order of the values. With a sink, each batch is handed over as soon as it
   * verifies (and awaited), so that a refusal part-way through loses none of the batches before.
   */
  tokenise(type: TokenisedType, values: string[], sink?: TokenSink): Promise<string[]>
}

export type ConsortiumClientOptions = {
  /** The consortium service's base URL, e.g. http://127.0.0.1:4100 */
  url: string
  token: string
  consortium: string
  clock: Clock
  fetch?: typeof fetch
  /** Where blinding and finalising run; the process's shared pool by default. */
  pool?: TokenPool
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
  private readonly pool: TokenPool

  constructor(private readonly o: ConsortiumClientOptions) {
    this.http = o.fetch ?? fetch
    this.pool = o.pool ?? tokenPool()
  }

  epoch(): string {
    return epochOf(this.o.clock.now())
  }

  async tokenise(type: TokenisedType, values: string[], sink?: TokenSink): Promise<string[]> {
    const epoch = this.epoch()
    const publicKey = await this.publicKey(epoch)
    const domain = { consortium: this.o.consortium, type, epoch }
    const tokens = new Array<string>(values.length)
    // A few batches at once, each blind → service → verify and finalise → sink, so that the
    // member's threads and the service compute at the same time; the first failure stops the rest.
    const starts = Array.from(
      { length: Math.ceil(values.length / MAX_BATCH) },
      (_, k) => k * MAX_BATCH,
    )
    let next = 0
    let failure: { error: unknown } | null = null
    const lane = async () => {
      while (!failure && next < starts.length) {
        const from = starts[next++]!
        try {
          const done = await this.batch(domain, publicKey, values.slice(from, from + MAX_BATCH))
          done.forEach((t, i) => (tokens[from + i] = t))
          await sink?.(done, from)
        } catch (error) {
          failure ??= { error }
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(starts.length, this.pool.workers + 1) }, lane))
    if (failure) throw (failure as { error: unknown }).error
    return tokens
  }

  private async batch(domain: TokenDomain, publicKey: Uint8Array, values: string[]) {
    const batch = await this.pool.blind(domain, values, publicKey)
    const reply = await this.call<EvaluationReply>('POST', '/consortium/v1/evaluate', {
      type: domain.type,
      epoch: domain.epoch,
      blinded: batch.blinded.map(toB64),
    })
    if (reply.public_key !== toB64(publicKey))
      throw new ConsortiumRequestError(200, 'evaluated under a key other than the pinned one')
    return this.pool.finalise(batch, {
      evaluated: reply.evaluated.map(fromB64),
      proof: fromB64(reply.proof),
    })
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
