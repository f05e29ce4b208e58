// The index's memory: one MinHash signature per text in a big typed array that doubles as it
// grows, distinct-shingle counts, interned customers, and a hashed document-frequency table.
import { minhashInto, SIGNATURE_SIZE } from './minhash.js'
import { markFrequentSlots, type SlotView } from './pair-similarity.js'
import { StringIndex } from './string-index.js'

/** 1M counters (4 MB, small enough to stay in cache while texts are added). Shingles share
 * counters: at 1M texts each counter also holds ~150 occurrences of unrelated shingles, noise far
 * below the 5% (50,000) limit; sharing only ever makes a shingle look more frequent. */
const FREQUENCY_BITS = 20
const FREQUENCY_MASK = (1 << FREQUENCY_BITS) - 1

export class DuplicateTextError extends Error {
  readonly code = 'duplicate_text_document'
  constructor(readonly docId: string) {
    super(`text ${docId} is already in the template index`)
  }
}

export class SignatureStore {
  readonly size = SIGNATURE_SIZE
  count = 0
  signatures = new Uint32Array(SIGNATURE_SIZE * 1024)
  distinct = new Uint16Array(1024)
  groupOf = new Uint32Array(1024)
  readonly docIds: string[] = []
  readonly groupNames: string[] = []
  private readonly groupIndex = new StringIndex(this.groupNames)
  private readonly docIndex = new StringIndex(this.docIds)
  private readonly documentFrequency = new Uint32Array(1 << FREQUENCY_BITS)

  /** Stores a text's signature and counts each of its distinct shingles once. */
  append(docId: string, groupId: string, shingleHashes: Uint32Array): number {
    if (this.docIndex.get(docId) !== undefined) throw new DuplicateTextError(docId)
    const doc = this.count
    if (doc === this.distinct.length) this.grow()
    minhashInto(shingleHashes, this.signatures, doc * this.size, this.size, this.documentFrequency)
    this.distinct[doc] = Math.min(shingleHashes.length, 0xffff)
    this.groupOf[doc] = this.internGroup(groupId)
    this.docIds.push(docId)
    this.docIndex.set(docId, doc)
    this.count = doc + 1
    return doc
  }

  indexOf(docId: string): number | undefined {
    return this.docIndex.get(docId)
  }

  groupIdOf(doc: number): string {
    return this.groupNames[this.groupOf[doc] as number] as string
  }

  /** How many texts contain the shingle a slot sampled (slot values are mixed shingle hashes). */
  readonly frequency = (slotValue: number): number =>
    this.documentFrequency[slotValue & FREQUENCY_MASK] as number

  /** Texts a shingle may occur in before it counts as stock language. */
  frequentLimit(maxDocFrequency: number, minFrequentCount: number): number {
    return Math.max(minFrequentCount, Math.floor(maxDocFrequency * this.count))
  }

  /** Frequent-slot masks of every stored text (size/32 words each). */
  frequentMasks(limit: number): Uint32Array {
    const words = this.size / 32
    const masks = new Uint32Array(this.count * words)
    for (let doc = 0; doc < this.count; doc++) {
      markFrequentSlots(
        this.signatures,
        doc * this.size,
        this.size,
        this.frequency,
        limit,
        masks,
        doc * words,
      )
    }
    return masks
  }

  /** A view of one text for pair comparison (masks laid out as by `frequentMasks`). */
  view(doc: number, masks: Uint32Array, into: SlotView): SlotView {
    into.signatures = this.signatures
    into.offset = doc * this.size
    into.masks = masks
    into.maskOffset = doc * (this.size / 32)
    into.distinct = this.distinct[doc] as number
    return into
  }

  private internGroup(groupId: string): number {
    let group = this.groupIndex.get(groupId)
    if (group === undefined) {
      group = this.groupNames.length
      this.groupNames.push(groupId)
      this.groupIndex.set(groupId, group)
    }
    return group
  }

  private grow(): void {
    const capacity = this.distinct.length * 2
    const signatures = new Uint32Array(capacity * this.size)
    signatures.set(this.signatures)
    this.signatures = signatures
    const distinct = new Uint16Array(capacity)
    distinct.set(this.distinct)
    this.distinct = distinct
    const groupOf = new Uint32Array(capacity)
    groupOf.set(this.groupOf)
    this.groupOf = groupOf
  }
}
