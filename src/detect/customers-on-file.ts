// What detection keeps of each customer on file: the name key and the identifiers, and who has
// each identifier on file. A book of 1.6 million customers held as one object and one list each
// weighed ~120 bytes a customer more than these columns: a slot number per customer id, and every
// customer's identifiers side by side in one flat list — of entry numbers in IdentifierOwners,
// whose characters and owners lie outside V8's heap.
import { IdentifierOwners } from './identifier-owners.js'
import { StringSlots } from './string-slots.js'
import { grown } from './typed-tables.js'

export type CustomerOnFile = { customerId: string; nameKey: string | null; identifiers: string[] }

export class CustomersOnFile {
  /** Per slot: the one stored copy of the customer id, the name key, where its identifiers lie. */
  private readonly ids: string[] = []
  private readonly slots = new StringSlots((slot) => this.ids[slot])
  /**
   * Per slot, the name key as its number in `nameKeys` (NO_NAME for none): a book of 1.6 million
   * customers has ~240,000 distinct names, each held once instead of once a customer.
   */
  private names = new Int32Array(1024)
  private readonly nameKeys: string[] = []
  private readonly nameNumbers = new Map<string, number>()
  private starts = new Int32Array(1024)
  private counts = new Uint16Array(1024)
  /** Every customer's identifiers (entry numbers in `owners`), side by side. */
  private entryList = new Int32Array(4096)
  private entryCount = 0
  private readonly owners = new IdentifierOwners()

  get size(): number {
    return this.slots.size
  }

  has(customerId: string): boolean {
    return this.slots.has(customerId)
  }

  /**
   * Puts the customer on file, replacing what was there: an identifier of the record it replaces
   * is no longer on file for it. The replaced identifiers stay in the flat list unused: re-imports
   * of changed customers are few beside the book.
   */
  set(c: CustomerOnFile): void {
    let slot = this.slots.get(c.customerId)
    if (slot === undefined) {
      this.ids.push(c.customerId)
      slot = this.slots.add(c.customerId)
      if (slot >= this.starts.length) this.grow()
    } else {
      for (const e of this.entriesAt(slot)) this.owners.removeOwner(e, slot)
    }
    this.names[slot] = this.nameNumber(c.nameKey)
    const count = Math.min(c.identifiers.length, 0xffff)
    if (this.entryCount + count > this.entryList.length) {
      this.entryList = grown(
        this.entryList,
        new Int32Array(Math.max(this.entryList.length * 2, this.entryCount + count)),
      )
    }
    this.starts[slot] = this.entryCount
    this.counts[slot] = count
    for (let k = 0; k < count; k++) {
      const e = this.owners.entry(c.identifiers[k] as string)
      this.entryList[this.entryCount++] = e
      this.owners.addOwner(e, slot)
    }
  }

  /** The stored copy of the customer id (contacts share it), or undefined when not on file. */
  storedId(customerId: string): string | undefined {
    const slot = this.slots.get(customerId)
    return slot === undefined ? undefined : this.ids[slot]
  }

  nameKey(customerId: string): string | null {
    const slot = this.slots.get(customerId)
    return slot === undefined ? null : this.nameAt(slot)
  }

  identifiers(customerId: string): readonly string[] {
    const slot = this.slots.get(customerId)
    return slot === undefined ? NONE : this.entriesAt(slot).map((e) => this.owners.identifier(e))
  }

  get(customerId: string): CustomerOnFile | undefined {
    const slot = this.slots.get(customerId)
    if (slot === undefined) return undefined
    return {
      customerId: this.ids[slot] as string,
      nameKey: this.nameAt(slot),
      identifiers: this.entriesAt(slot).map((e) => this.owners.identifier(e)),
    }
  }

  /** The one customer who has the identifier on file, or null when none or several do. */
  soleOwner(identifier: string): string | null {
    const e = this.owners.find(identifier)
    const o = e < 0 ? null : this.owners.ownerOf(e)
    const slot = typeof o === 'number' ? o : o?.length === 1 ? o[0] : undefined
    return slot === undefined ? null : (this.ids[slot] ?? null)
  }

  /** Whether the customer has the identifier on file. */
  isOnFileFor(identifier: string, customerId: string): boolean {
    const e = this.owners.find(identifier)
    if (e < 0) return false
    const o = this.owners.ownerOf(e)
    if (o === null) return false
    const slot = this.slots.get(customerId)
    if (slot === undefined) return false
    return typeof o === 'number' ? o === slot : o.includes(slot)
  }

  private nameNumber(nameKey: string | null): number {
    if (nameKey === null) return NO_NAME
    let n = this.nameNumbers.get(nameKey)
    if (n === undefined) {
      n = this.nameKeys.push(nameKey) - 1
      this.nameNumbers.set(nameKey, n)
    }
    return n
  }

  private nameAt(slot: number): string | null {
    const n = this.names[slot] as number
    return n === NO_NAME ? null : (this.nameKeys[n] as string)
  }

  private entriesAt(slot: number): number[] {
    const start = this.starts[slot] as number
    return Array.from(this.entryList.subarray(start, start + (this.counts[slot] as number)))
  }

  private grow(): void {
    this.starts = grown(this.starts, new Int32Array(this.starts.length * 2))
    this.counts = grown(this.counts, new Uint16Array(this.counts.length * 2))
    this.names = grown(this.names, new Int32Array(this.names.length * 2))
  }
}

const NONE: readonly string[] = Object.freeze([])
const NO_NAME = -1
