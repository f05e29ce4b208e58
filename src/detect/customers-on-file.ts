// What detection keeps of each customer on file: the name key and the identifiers. A book of
// 1.6 million customers held as one object and one list each weighed ~120 bytes a customer more
// than these columns: a slot number per customer id, and every customer's identifiers side by side
// in one flat list.

export type CustomerOnFile = { customerId: string; nameKey: string | null; identifiers: string[] }

export class CustomersOnFile {
  private readonly slots = new Map<string, number>()
  /** Per slot: the one stored copy of the customer id, the name key, where its identifiers lie. */
  private readonly ids: string[] = []
  private readonly names: (string | null)[] = []
  private starts = new Int32Array(1024)
  private counts = new Uint16Array(1024)
  private readonly identifierList: string[] = []

  get size(): number {
    return this.slots.size
  }

  has(customerId: string): boolean {
    return this.slots.has(customerId)
  }

  /**
   * Puts the customer on file, replacing what was there; returns the identifiers it had before
   * (a changed record's old phone is no longer on file for it). The replaced identifiers stay in
   * the flat list unused: re-imports of changed customers are few beside the book.
   */
  set(c: CustomerOnFile): readonly string[] {
    let slot = this.slots.get(c.customerId)
    const before = slot === undefined ? NONE : this.identifiersAt(slot)
    if (slot === undefined) {
      slot = this.ids.length
      this.slots.set(c.customerId, slot)
      this.ids.push(c.customerId)
      this.names.push(c.nameKey)
      if (slot >= this.starts.length) this.grow()
    } else this.names[slot] = c.nameKey
    this.starts[slot] = this.identifierList.length
    this.counts[slot] = Math.min(c.identifiers.length, 0xffff)
    for (let k = 0; k < (this.counts[slot] as number); k++)
      this.identifierList.push(c.identifiers[k] as string)
    return before
  }

  /** The stored copy of the customer id (contacts share it), or undefined when not on file. */
  storedId(customerId: string): string | undefined {
    const slot = this.slots.get(customerId)
    return slot === undefined ? undefined : this.ids[slot]
  }

  nameKey(customerId: string): string | null {
    const slot = this.slots.get(customerId)
    return slot === undefined ? null : (this.names[slot] ?? null)
  }

  identifiers(customerId: string): readonly string[] {
    const slot = this.slots.get(customerId)
    return slot === undefined ? NONE : this.identifiersAt(slot)
  }

  get(customerId: string): CustomerOnFile | undefined {
    const slot = this.slots.get(customerId)
    if (slot === undefined) return undefined
    return {
      customerId: this.ids[slot] as string,
      nameKey: this.names[slot] ?? null,
      identifiers: this.identifiersAt(slot),
    }
  }

  private identifiersAt(slot: number): string[] {
    const start = this.starts[slot] as number
    return this.identifierList.slice(start, start + (this.counts[slot] as number))
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2)
    starts.set(this.starts)
    const counts = new Uint16Array(this.counts.length * 2)
    counts.set(this.counts)
    ;[this.starts, this.counts] = [starts, counts]
  }
}

const NONE: readonly string[] = Object.freeze([])
