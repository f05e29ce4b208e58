// Slot numbers of millions of distinct strings that the caller keeps anyway, by slot (a customer's
// one stored id, a contact's id in its facts). A Map of them costs ~29 bytes a key and doubles its
// table as it grows: ~58 MB for the 1.35 million customers of a million-contact book. Here a key
// costs its slot's hash and two to four table buckets, 12–20 bytes, outside V8's heap; a lookup
// compares the key with the caller's string, so an answer is exact, never a hash's guess.
import { fnv1a } from '../text/hash.js'
import { grown, placeSlot } from './typed-tables.js'

export class StringSlots {
  /** Open addressing: slot + 1 per bucket, 0 for an empty one; at most half full. */
  private table = new Int32Array(1 << 10)
  private hashes = new Uint32Array(1 << 9)
  private count = 0

  /** `keyAt(slot)`: the string a slot was added for. */
  constructor(private readonly keyAt: (slot: number) => string | undefined) {}

  get size(): number {
    return this.count
  }

  /** The key's slot, or undefined when it was never added. */
  get(key: string): number | undefined {
    const h = fnv1a(key)
    const mask = this.table.length - 1
    for (let b = h & mask; ; b = (b + 1) & mask) {
      const e = this.table[b] as number
      if (e === 0) return undefined
      if (this.hashes[e - 1] === h && this.keyAt(e - 1) === key) return e - 1
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** Adds a key not added before; it gets the next slot (slots are 0, 1, 2 … in order). */
  add(key: string): number {
    const slot = this.count++
    if (slot >= this.hashes.length) {
      // By half again: doubled past a few million keys, a quarter of the array would lie unused.
      this.hashes = grown(this.hashes, new Uint32Array(Math.ceil(this.hashes.length * 1.5)))
    }
    const h = fnv1a(key)
    this.hashes[slot] = h
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2)
    else placeSlot(this.table, slot, h)
    return slot
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size)
    for (let s = 0; s < this.count; s++) placeSlot(this.table, s, this.hashes[s] as number)
  }
}
