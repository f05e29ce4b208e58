// Contacts prepared for the detection index (prepared-contact.ts) on a worker thread while this
// thread stores and indexes: for a large import or history the preparation — normalising, gray
// language, clauses, shingles — is more than half of indexing a contact. Batches come back in the
// order they were sent, because placing contacts in the index is order-sensitive. Small inputs
// are prepared in place: a worker's start-up costs more than it saves.
import type { Worker } from 'node:worker_threads'
import type { Contact } from '../contract/index.js'
import type { IdentifierLink } from '../links/identifier.js'
import { startModuleWorker } from '../module-worker.js'
import { adoptFacts } from './contact-facts.js'
import type { PreparedContact } from './prepared-contact.js'
import { prepareContact } from './prepared-contact.js'

export type PrepareRequest = {
  id: number
  records: string[]
  links?: IdentifierLink[][]
  templateMinChars: number
}
export type PrepareReply = { id: number; prepared: PreparedContact[] }

/** Records sent to the worker at a time: small enough to keep both threads busy. */
const SLICE = 2000

export class ContactPreparation {
  private readonly queue: Promise<PreparedContact[]>[] = []
  private readonly waiting = new Map<
    number,
    { resolve: (p: PreparedContact[]) => void; reject: (e: Error) => void }
  >()
  private nextId = 0
  private failure: Error | null = null

  private constructor(
    private readonly templateMinChars: number,
    private readonly worker: Worker | null,
  ) {
    worker?.on('message', ({ id, prepared }: PrepareReply) => {
      const w = this.waiting.get(id)
      this.waiting.delete(id)
      for (const p of prepared) p.facts = adoptFacts(p.facts)
      w?.resolve(prepared)
    })
    worker?.on('error', (e) => this.fail(e))
    worker?.on('exit', (code) =>
      this.fail(new Error(`the contact preparation worker stopped (exit code ${code})`)),
    )
  }

  /** `onWorker`: prepare on a worker thread (for large inputs), else in place. */
  static start(templateMinChars: number, onWorker: boolean): ContactPreparation {
    return new ContactPreparation(
      templateMinChars,
      onWorker ? startModuleWorker(import.meta.url, 'facts-worker') : null,
    )
  }

  /** Queues records (their JSON and, when known, their links) for preparation. */
  submit(records: string[], links?: IdentifierLink[][]): void {
    for (let at = 0; at < records.length; at += SLICE) {
      const slice = records.slice(at, at + SLICE)
      const sliceLinks = links?.slice(at, at + SLICE)
      this.queue.push(this.worker ? this.send(slice, sliceLinks) : this.inPlace(slice, sliceLinks))
    }
  }

  /** Batches in the order submitted, while more than `keep` are outstanding (0: all of them). */
  async *ready(keep = 0): AsyncGenerator<PreparedContact[]> {
    while (this.queue.length > keep) {
      const next = this.queue.shift()
      if (next) yield await next
    }
  }

  async close(): Promise<void> {
    this.queue.length = 0
    const w = this.worker
    if (w) {
      w.removeAllListeners('exit')
      await w.terminate()
    }
  }

  private send(records: string[], links?: IdentifierLink[][]): Promise<PreparedContact[]> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    const reply = new Promise<PreparedContact[]>((resolve, reject) =>
      this.waiting.set(id, { resolve, reject }),
    )
    // Marked handled here: a failure surfaces when the batch is awaited in ready().
    reply.catch(() => undefined)
    this.worker?.postMessage({
      id,
      records,
      links,
      templateMinChars: this.templateMinChars,
    } satisfies PrepareRequest)
    return reply
  }

  private inPlace(records: string[], links?: IdentifierLink[][]): Promise<PreparedContact[]> {
    return Promise.resolve(
      records.map((json, i) =>
        prepareContact(JSON.parse(json) as Contact, links?.[i], this.templateMinChars),
      ),
    )
  }

  private fail(e: Error): void {
    this.failure ??= e
    for (const w of this.waiting.values()) w.reject(this.failure)
    this.waiting.clear()
  }
}
