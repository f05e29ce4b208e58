// Which customer an unlinked post repeats. People who complain again and again say it in the same
// words: "还是这个问题，" and then their last complaint, pasted onto a public complaint board under a
// user name. The clauses of every linked contact are kept for the repeat window with the customer
// who wrote them; an unlinked contact whose clauses are, several of them, one customer's own (no
// other customer wrote them) is that customer repeating themselves. Clauses two customers share are
// common wording or a template, and never resolve anyone.
import { StringSlots } from './string-slots.js'
import { grown } from './typed-tables.js'

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

/**
 * The clauses of the contacts in the window, for a million contacts: a table of clause hashes
 * (open addressing in typed arrays: owner and how many kept contacts hold each) and the kept
 * contacts as a queue of times and their hashes side by side, instead of two Maps of numbers
 * and an object and a list a contact (a third of the time placing a contact in the index went
 * to those Maps).
 */
export class RepeatedWords {
  private readonly clauses = new ClauseTable()
  private readonly customerIds: string[] = []
  private readonly customerNo = new StringSlots((no) => this.customerIds[no])
  /** The kept contacts, oldest first from `head`: each one's time and how many hashes it kept. */
  private times = new Float64Array(1024)
  private counts = new Uint8Array(1024)
  private keptCount = 0
  private head = 0
  /** The kept contacts' hashes, side by side in the queue's order, from `hashHead`. */
  private hashes = new Uint32Array(4096)
  private hashCount = 0
  private hashHead = 0
  private latest = -Infinity

  constructor(private readonly windowMs: number) {}

  /** Keeps a customer's words, as their clausesOf(), for the repeat window. */
  add(customerId: string, time: number, clauses: Readonly<Clauses>): void {
    this.evictBefore(Math.max(this.latest, time) - this.windowMs)
    this.latest = Math.max(this.latest, time)
    let no = this.customerNo.get(customerId)
    if (no === undefined) {
      this.customerIds.push(customerId)
      no = this.customerNo.add(customerId)
    }
    const n = clauses.length >> 1
    // clausesOf keeps at most MAX_CLAUSES; a count is kept in a byte.
    if (n > 0xff) throw new Error(`more than 255 clauses (${n})`)
    if (this.keptCount === this.times.length) {
      this.times = grown(this.times, new Float64Array(this.times.length * 2))
      this.counts = grown(this.counts, new Uint8Array(this.counts.length * 2))
    }
    if (this.hashCount + n > this.hashes.length)
      this.hashes = grown(
        this.hashes,
        new Uint32Array(Math.max(this.hashes.length * 2, this.hashCount + n)),
      )
    for (let k = 0; k < clauses.length; k += 2) {
      const h = (clauses[k] as number) >>> 0
      this.clauses.hold(h, no)
      this.hashes[this.hashCount++] = h
    }
    this.times[this.keptCount] = time
    this.counts[this.keptCount++] = n
  }

  /** The one customer whose own recent words a text repeats (given its clausesOf()), or null. */
  resolve(clauses: Readonly<Clauses>): string | null {
    let candidate: number | null = null
    let shared = 0
    let chars = 0
    for (let k = 0; k < clauses.length; k += 2) {
      const o = this.clauses.ownerOf((clauses[k] as number) >>> 0)
      if (o === undefined || o === SHARED) continue
      if (candidate !== null && o !== candidate) return null
      candidate = o
      shared++
      chars += clauses[k + 1] as number
    }
    if (candidate === null || shared < MIN_SHARED_CLAUSES || chars < MIN_SHARED_CHARS) return null
    return this.customerIds[candidate] ?? null
  }

  /** Forgets kept contacts from the oldest on, while they are older than the cutoff. */
  private evictBefore(cutoff: number): void {
    while (this.head < this.keptCount && (this.times[this.head] as number) < cutoff) {
      const n = this.counts[this.head] as number
      for (let k = 0; k < n; k++) this.clauses.release(this.hashes[this.hashHead + k] as number)
      this.hashHead += n
      this.head++
    }
    // Drop the evicted prefix now and then so the queue does not grow for ever.
    if (this.head > 4096 && this.head * 2 > this.keptCount) {
      this.times.copyWithin(0, this.head, this.keptCount)
      this.counts.copyWithin(0, this.head, this.keptCount)
      this.hashes.copyWithin(0, this.hashHead, this.hashCount)
      this.keptCount -= this.head
      this.hashCount -= this.hashHead
      this.head = 0
      this.hashHead = 0
    }
  }
}

/**
 * Clause hash → its one owner (a customer number, or SHARED) and how many kept contacts hold it.
 * Linear probing; a slot is empty when it has no holders, and a released clause is taken out by
 * shifting back the ones after it, so lookups never meet a tombstone.
 */
export class ClauseTable {
  private keys = new Uint32Array(1024)
  private owners = new Int32Array(1024)
  private holders = new Int32Array(1024)
  private used = 0

  get size(): number {
    return this.used
  }

  /** The clause's owner, or undefined when no kept contact holds it. */
  ownerOf(hash: number): number | undefined {
    const b = this.find(hash)
    return b < 0 ? undefined : this.owners[b]
  }

  /** One more kept contact of customer `no` holds the clause: a second customer makes it SHARED. */
  hold(hash: number, no: number): void {
    let b = this.find(hash)
    if (b >= 0) {
      if (this.owners[b] !== no) this.owners[b] = SHARED
      this.holders[b] = (this.holders[b] as number) + 1
      return
    }
    if ((this.used + 1) * 2 > this.keys.length) this.resize(this.keys.length * 2)
    const mask = this.keys.length - 1
    for (b = bucketOf(hash, mask); this.holders[b] !== 0; b = (b + 1) & mask);
    this.keys[b] = hash
    this.owners[b] = no
    this.holders[b] = 1
    this.used++
  }

  /** One kept contact holding the clause is gone: the last one takes the clause with it. */
  release(hash: number): void {
    const b = this.find(hash)
    if (b < 0) return
    const left = (this.holders[b] as number) - 1
    if (left > 0) this.holders[b] = left
    else this.remove(b)
  }

  private find(hash: number): number {
    const mask = this.keys.length - 1
    for (let b = bucketOf(hash, mask); this.holders[b] !== 0; b = (b + 1) & mask)
      if (this.keys[b] === hash) return b
    return -1
  }

  private remove(at: number): void {
    const mask = this.keys.length - 1
    let hole = at
    for (let b = (at + 1) & mask; this.holders[b] !== 0; b = (b + 1) & mask) {
      const home = bucketOf(this.keys[b] as number, mask)
      // An entry stays when its home lies cyclically after the hole, up to where it sits.
      const stays = hole <= b ? hole < home && home <= b : hole < home || home <= b
      if (stays) continue
      this.keys[hole] = this.keys[b] as number
      this.owners[hole] = this.owners[b] as number
      this.holders[hole] = this.holders[b] as number
      hole = b
    }
    this.holders[hole] = 0
    this.used--
  }

  private resize(size: number): void {
    const [keys, owners, holders] = [this.keys, this.owners, this.holders]
    this.keys = new Uint32Array(size)
    this.owners = new Int32Array(size)
    this.holders = new Int32Array(size)
    const mask = size - 1
    for (let i = 0; i < keys.length; i++) {
      if (holders[i] === 0) continue
      let b = bucketOf(keys[i] as number, mask)
      while (this.holders[b] !== 0) b = (b + 1) & mask
      this.keys[b] = keys[i] as number
      this.owners[b] = owners[i] as number
      this.holders[b] = holders[i] as number
    }
  }
}

/** The hashes are FNV-1a: mixed once more so that nearby values spread over the table. */
function bucketOf(hash: number, mask: number): number {
  return (Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 0) & mask
}
