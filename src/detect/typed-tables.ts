// Helpers of the index's structures kept in typed arrays, outside V8's heap.

type TypedArray = Int32Array | Uint16Array | Uint32Array | Uint8Array | Float64Array

/** `to`, holding a copy of `from` at its start: an array grown into a larger one. */
export function grown<T extends TypedArray>(from: T, to: T): T {
  to.set(from)
  return to
}

/**
 * Puts slot + 1 in the first empty bucket from the hash's (linear probing) of an open-addressing
 * table whose size is a power of two and which never fills past half.
 */
export function placeSlot(table: Int32Array, slot: number, h: number): void {
  const mask = table.length - 1
  let b = h & mask
  while (table[b] !== 0) b = (b + 1) & mask
  table[b] = slot + 1
}
