// The line each record key was first seen on, for files of millions of lines. Keys are kept as
// UTF-16 code units back to back in one typed array and found through an open-addressing table:
// a few bytes a key, none of them for the garbage collector to trace, where a Map would hold an
// entry and a string per key.
export class FirstLines {
  private text = new Uint16Array(1 << 16)
  private textLength = 0
  /** Per key: where its text starts (and the next key's start ends it), its line and hash. */
  private starts = new Int32Array(1 << 12)
  private lines = new Int32Array(1 << 12)
  private hashes = new Int32Array(1 << 12)
  private count = 0
  /** Key number + 1 per slot, 0 when empty; kept at most half full. */
  private slots = new Int32Array(1 << 13)

  /** The line `key` was first seen on; if this is the first time, records `line` and says undefined. */
  firstLine(key: string, line: number): number | undefined {
    const hash = hashOf(key)
    const mask = this.slots.length - 1
    let slot = hash & mask
    for (let entry = this.slots[slot]; entry; entry = this.slots[slot]) {
      if (this.hashes[entry - 1] === hash && this.keyIs(entry - 1, key))
        return this.lines[entry - 1]
      slot = (slot + 1) & mask
    }
    this.add(key, line, hash)
    this.slots[slot] = this.count
    if (this.count * 2 > this.slots.length) this.rehash()
    return undefined
  }

  private keyIs(n: number, key: string): boolean {
    const start = this.starts[n] ?? 0
    const end = n + 1 < this.count ? (this.starts[n + 1] ?? 0) : this.textLength
    if (end - start !== key.length) return false
    for (let i = 0; i < key.length; i++)
      if (this.text[start + i] !== key.charCodeAt(i)) return false
    return true
  }

  private add(key: string, line: number, hash: number): void {
    if (this.textLength + key.length > this.text.length) {
      this.text = grown(this.text, this.textLength + key.length)
    }
    for (let i = 0; i < key.length; i++) this.text[this.textLength + i] = key.charCodeAt(i)
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, this.count + 1)
      this.lines = grown(this.lines, this.count + 1)
      this.hashes = grown(this.hashes, this.count + 1)
    }
    this.starts[this.count] = this.textLength
    this.lines[this.count] = line
    this.hashes[this.count] = hash
    this.textLength += key.length
    this.count++
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    const mask = this.slots.length - 1
    for (let n = 0; n < this.count; n++) {
      let slot = (this.hashes[n] ?? 0) & mask
      while (this.slots[slot]) slot = (slot + 1) & mask
      this.slots[slot] = n + 1
    }
  }
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h | 0
}

function grown<T extends Uint16Array | Int32Array>(a: T, atLeast: number): T {
  let size = a.length * 2
  while (size < atLeast) size *= 2
  const b = new (a.constructor as new (n: number) => T)(size)
  b.set(a)
  return b
}
