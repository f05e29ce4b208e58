// Which customer an unlinked post repeats. People who complain again and again say it in the same
// words: "还是这个问题，" and then their last complaint, pasted onto a public complaint board under a
// user name. The clauses of every linked contact are kept for the repeat window with the customer
// who wrote them; an unlinked contact whose clauses are, several of them, one customer's own (no
// other customer wrote them) is that customer repeating themselves. Clauses two customers share are
// common wording or a template, and never resolve anyone.

/** Clauses shorter than this are too common to mean anything ("请尽快处理"). */
const MIN_CLAUSE = 6
/** What an unlinked contact must share with one customer: clauses, and characters in them. */
const MIN_SHARED_CLAUSES = 2
const MIN_SHARED_CHARS = 24
/** Enough of a long letter to recognise it; the rest adds memory, not certainty. */
const MAX_CLAUSES = 12
const SHARED = -1

/** FNV-1a: clauses are kept as 32-bit hashes, so a month of contacts stays small. */
function hashOf(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * A text's clauses as one flat list, each clause its hash and its length in characters:
 * [hash, chars, hash, chars, …]. One list rather than an object a clause: a million contacts'
 * clauses cross from the preparing thread to the index's (contact-preparation.ts).
 */
export type Clauses = number[]

export function clausesOf(text: string): Clauses {
  const out: Clauses = []
  const seen = new Set<number>()
  for (const raw of text.normalize('NFKC').split(/[。！？!?；;，,、：:\n\r\t ]+/)) {
    const clause = raw.replace(/[^\p{L}\p{N}]/gu, '')
    if (clause.length < MIN_CLAUSE) continue
    const hash = hashOf(clause)
    if (seen.has(hash)) continue
    seen.add(hash)
    out.push(hash, clause.length)
    if (out.length >= MAX_CLAUSES * 2) break
  }
  return out
}

export class RepeatedWords {
  /** Clause hash → the one customer (by number) who wrote it, or SHARED. */
  private readonly owner = new Map<number, number>()
  /** How many kept contacts hold each clause, so that eviction knows when it is gone. */
  private readonly holders = new Map<number, number>()
  private readonly customerNo = new Map<string, number>()
  private readonly customerIds: string[] = []
  private readonly kept: { time: number; hashes: number[] }[] = []
  private head = 0
  private latest = -Infinity

  constructor(private readonly windowMs: number) {}

  /** Keeps a customer's words, as their clausesOf(), for the repeat window. */
  add(customerId: string, time: number, clauses: Readonly<Clauses>): void {
    this.evictBefore(Math.max(this.latest, time) - this.windowMs)
    this.latest = Math.max(this.latest, time)
    let no = this.customerNo.get(customerId)
    if (no === undefined) {
      no = this.customerIds.push(customerId) - 1
      this.customerNo.set(customerId, no)
    }
    const hashes: number[] = []
    for (let k = 0; k < clauses.length; k += 2) hashes.push(clauses[k] as number)
    for (const h of hashes) {
      const o = this.owner.get(h)
      this.owner.set(h, o === undefined || o === no ? no : SHARED)
      this.holders.set(h, (this.holders.get(h) ?? 0) + 1)
    }
    this.kept.push({ time, hashes })
  }

  /** The one customer whose own recent words a text repeats (given its clausesOf()), or null. */
  resolve(clauses: Readonly<Clauses>): string | null {
    let candidate: number | null = null
    let shared = 0
    let chars = 0
    for (let k = 0; k < clauses.length; k += 2) {
      const o = this.owner.get(clauses[k] as number)
      if (o === undefined || o === SHARED) continue
      if (candidate !== null && o !== candidate) return null
      candidate = o
      shared++
      chars += clauses[k + 1] as number
    }
    if (candidate === null || shared < MIN_SHARED_CLAUSES || chars < MIN_SHARED_CHARS) return null
    return this.customerIds[candidate] ?? null
  }

  private evictBefore(cutoff: number): void {
    while (this.head < this.kept.length && (this.kept[this.head]?.time ?? Infinity) < cutoff) {
      for (const h of this.kept[this.head]?.hashes ?? []) {
        const n = (this.holders.get(h) ?? 1) - 1
        if (n > 0) this.holders.set(h, n)
        else {
          this.holders.delete(h)
          this.owner.delete(h)
        }
      }
      this.head++
    }
    // Drop the evicted prefix now and then so the queue does not grow for ever.
    if (this.head > 4096 && this.head * 2 > this.kept.length) {
      this.kept.splice(0, this.head)
      this.head = 0
    }
  }
}
