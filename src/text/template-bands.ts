// The band orders of a store: built once per clusters() run and reused by match() lookups.
import {
  BAND_COUNT,
  bandKey,
  bandScratch,
  runOf,
  sortByBand,
  type BandScratch,
} from './lsh-bands.js'
import type { SignatureStore } from './signature-store.js'

/** Per band, documents 0..count-1 ordered by their band key. */
export type BandOrders = { count: number; orders: Uint32Array[] }

/** Called for each run of ≥2 documents sharing a band key: order[from..to). */
export type RunVisitor = (order: Uint32Array, from: number, to: number, band: number) => void

/** Sorts every band; `visit` sees each run of equal keys right after its band is sorted. */
export function buildBands(store: SignatureStore, visit?: RunVisitor): BandOrders {
  const count = store.count
  const scratch: BandScratch = bandScratch(count)
  const orders: Uint32Array[] = []
  for (let band = 0; band < BAND_COUNT; band++) {
    const order = new Uint32Array(count)
    sortByBand(store.signatures, store.size, count, band, order, scratch)
    if (visit) visitRuns(order, scratch.keys, count, (o, from, to) => visit(o, from, to, band))
    orders.push(order)
  }
  return { count, orders }
}

function visitRuns(
  order: Uint32Array,
  keys: Uint32Array,
  count: number,
  visit: (order: Uint32Array, from: number, to: number) => void,
): void {
  let from = 0
  for (let i = 1; i <= count; i++) {
    if (i < count && keys[i] === keys[from]) continue
    if (i - from > 1) visit(order, from, i)
    from = i
  }
}

/** Documents that share at least one band with the signature `query` (at most `perBand` a band). */
export function bandCandidates(
  store: SignatureStore,
  bands: BandOrders,
  query: Uint32Array,
  perBand: number,
): Set<number> {
  const found = new Set<number>()
  bands.orders.forEach((order, band) => {
    const key = bandKey(query, 0, band)
    const [from, to] = runOf(store.signatures, store.size, order, bands.count, band, key, perBand)
    for (let i = from; i < to; i++) found.add(order[i] as number)
  })
  return found
}
