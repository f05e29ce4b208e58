// Who has each identifier on file, for a book of millions of customers, outside V8's heap. A Map
// from identifier to customer held ~7 million strings and entries at 1.6 million customers
// (~300 MB of heap, marked again by every full collection while a detection index is built).
// Here each identifier is an entry number: its characters lie in one byte arena (identifiers are
// ASCII keys such as `phone:+8613800000000`; one with a wider character is kept in a small Map),
// an open-addressing table of 32-bit hashes finds it, and its owners are customer slots. Lookups
// compare the characters, so an answer is exact, never a hash's guess.
import { fnv1a } from '../text/hash.js'
import { grown, placeSlot } from './typed-tables.js'

/** No owner (every owner was removed): answers as an identifier never seen. */
const NO_OWNER = -1
/** The arena start of an entry kept in the Map of wide identifiers. */
const WIDE = -1
/** Owners below this are indexes into the lists of several owners: -2 - index. */
const LIST_BASE = -2

export class IdentifierOwners {
  private arena = new Uint8Array(1 << 16)
  private arenaUsed = 0
  private starts = new Int32Array(1024)
  private lengths = new Uint16Array(1024)
  private hashes = new Uint32Array(1024)
  private owners = new Int32Array(1024)
  private entries = 0
  /** Open addressing: entry number + 1 per bucket, 0 for an empty one. */
  private table = new Int32Array(1 << 12)
  /** Identifiers with a character past 0xff, by entry number. */
  private readonly wide = new Map<string, number>()
  /** Owners of identifiers that several customers (or one customer twice) have on file. */
  private readonly lists: number[][] = []

  /** The entry of an identifier, or -1 when it was never added. */
  find(identifier: string): number {
    const h = narrowHash(identifier)
    if (h < 0) return this.wide.get(identifier) ?? -1
    const mask = this.table.length - 1
    for (let b = h & mask; ; b = (b + 1) & mask) {
      const e = this.table[b] as number
      if (e === 0) return -1
      if (this.hashes[e - 1] === h && this.equals(e - 1, identifier)) return e - 1
    }
  }

  /** The entry of an identifier, added when new. */
  entry(identifier: string): number {
    const found = this.find(identifier)
    if (found >= 0) return found
    const e = this.newEntry()
    const h = narrowHash(identifier)
    if (h < 0) {
      this.wide.set(identifier, e)
      this.starts[e] = WIDE
    } else {
      this.store(e, identifier, h)
      if ((this.entries + 1) * 2 > this.table.length) this.rehash(this.table.length * 2)
      else placeSlot(this.table, e, h)
    }
    this.entries++
    return e
  }

  /** The owners of an entry: a slot, a list of slots, or none. */
  ownerOf(e: number): number | readonly number[] | null {
    const o = this.owners[e] as number
    if (o === NO_OWNER) return null
    return o >= 0 ? o : (this.lists[LIST_BASE - o] as number[])
  }

  addOwner(e: number, slot: number): void {
    const o = this.owners[e] as number
    if (o === NO_OWNER) this.owners[e] = slot
    else if (o >= 0) {
      this.lists.push([o, slot])
      this.owners[e] = LIST_BASE - (this.lists.length - 1)
    } else this.lists[LIST_BASE - o]?.push(slot)
  }

  /** Takes every occurrence of the slot off the entry's owners. */
  removeOwner(e: number, slot: number): void {
    const o = this.owners[e] as number
    if (o === slot) this.owners[e] = NO_OWNER
    else if (o <= LIST_BASE) {
      const k = LIST_BASE - o
      this.lists[k] = (this.lists[k] as number[]).filter((s) => s !== slot)
    }
  }

  /** The identifier an entry stands for. */
  identifier(e: number): string {
    if (this.starts[e] === WIDE) for (const [id, entry] of this.wide) if (entry === e) return id
    const start = this.starts[e] as number
    return String.fromCharCode(...this.arena.subarray(start, start + (this.lengths[e] as number)))
  }

  private equals(e: number, identifier: string): boolean {
    if (this.lengths[e] !== identifier.length) return false
    const start = this.starts[e] as number
    for (let k = 0; k < identifier.length; k++)
      if (this.arena[start + k] !== identifier.charCodeAt(k)) return false
    return true
  }

  private newEntry(): number {
    const e = this.entries
    if (e >= this.owners.length) {
      // By half again, as the arena: four arrays doubled past 4 million entries leave ~60 MB unused.
      const n = Math.ceil(this.owners.length * 1.5)
      this.starts = grown(this.starts, new Int32Array(n))
      this.lengths = grown(this.lengths, new Uint16Array(n))
      this.hashes = grown(this.hashes, new Uint32Array(n))
      this.owners = grown(this.owners, new Int32Array(n))
    }
    this.owners[e] = NO_OWNER
    return e
  }

  private store(e: number, identifier: string, h: number): void {
    if (this.arenaUsed + identifier.length > this.arena.length)
      // By half again, not double: at 3.4 million identifiers a doubled arena is ~40% unused.
      this.arena = grown(
        this.arena,
        new Uint8Array(
          Math.max(Math.ceil(this.arena.length * 1.5), this.arenaUsed + identifier.length),
        ),
      )
    for (let k = 0; k < identifier.length; k++)
      this.arena[this.arenaUsed + k] = identifier.charCodeAt(k)
    this.starts[e] = this.arenaUsed
    this.lengths[e] = identifier.length
    this.hashes[e] = h
    this.arenaUsed += identifier.length
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size)
    for (let e = 0; e <= this.entries; e++)
      if (this.starts[e] !== WIDE) placeSlot(this.table, e, this.hashes[e] as number)
  }
}

/**
 * FNV-1a over the characters when every one fits a byte (the arena holds bytes), else -1. Keys
 * longer than 65,535 characters count as wide too: the arena records lengths in 16 bits.
 */
function narrowHash(s: string): number {
  if (s.length > 0xffff) return -1
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0xff) return -1
  return fnv1a(s)
}
