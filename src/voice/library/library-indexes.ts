// The searchable voice libraries of one store as indexes, one per library and model: loaded on
// first search (from the HNSW file a previous run wrote, reconciled with the store, or built from
// the stored embeddings), then kept current by the library's own writes and deletions. Kept per
// store, like the detection index's voice findings: the store is what they mirror.
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Context } from '../../context.js'
import { HnswVoiceIndex } from './hnsw-voice-index.js'
import { embeddingsOf, storedEmbeddings, storedIds } from './library-sources.js'
import type { Library } from './library-sources.js'
import { TieredVoiceIndex } from './tiered-voice-index.js'

type Registry = { dir?: string; indexes: Map<string, Promise<TieredVoiceIndex>> }

const byStore = new WeakMap<object, Registry>()

function registryOf(ctx: Context): Registry {
  let registry = byStore.get(ctx.db)
  if (!registry) byStore.set(ctx.db, (registry = { indexes: new Map() }))
  return registry
}

const keyOf = (library: Library, model: string): string => `${library}\u0000${model}`

function fileOf(dir: string, library: Library, model: string): string {
  return join(
    dir,
    `${library}-${createHash('sha256').update(model).digest('hex').slice(0, 16)}.hnsw`,
  )
}

/** Where this store's HNSW indexes are written at close and read at the next start. */
export function keepVoiceIndexesIn(ctx: Context, dir: string): void {
  registryOf(ctx).dir = dir
}

export function libraryIndex(
  ctx: Context,
  library: Library,
  model: string,
  dim: number,
): Promise<TieredVoiceIndex> {
  const registry = registryOf(ctx)
  const key = keyOf(library, model)
  let index = registry.indexes.get(key)
  if (!index) {
    index = loadIndex(ctx, registry.dir, library, model, dim)
    registry.indexes.set(key, index)
    // A failed load is not cached: the next search tries again.
    index.catch(() => registry.indexes.delete(key))
  }
  return index
}

/** A write to the library reaches its index, when one is loaded (otherwise the load reads it). */
export async function noteStored(
  ctx: Context,
  library: Library,
  model: string,
  id: string,
  embedding: Float32Array,
): Promise<void> {
  const index = registryOf(ctx).indexes.get(keyOf(library, model))
  if (index) (await index).add(id, embedding)
}

/** Deleted entries leave every loaded index of the library. */
export async function noteRemoved(ctx: Context, library: Library, ids: string[]): Promise<void> {
  for (const [key, index] of registryOf(ctx).indexes) {
    if (!key.startsWith(`${library}\u0000`)) continue
    const loaded = await index
    for (const id of ids) loaded.remove(id)
  }
}

/** Writes the loaded HNSW indexes (small libraries rebuild fast and are not written). */
export async function persistVoiceIndexes(ctx: Context): Promise<number> {
  const { dir, indexes } = registryOf(ctx)
  if (!dir) return 0
  let written = 0
  for (const [key, pending] of indexes) {
    const graph = (await pending).hnsw
    if (!graph) continue
    const [library, model] = key.split('\u0000') as [Library, string]
    await mkdir(dir, { recursive: true })
    await graph.write(fileOf(dir, library, model))
    written++
  }
  return written
}

async function loadIndex(
  ctx: Context,
  dir: string | undefined,
  library: Library,
  model: string,
  dim: number,
): Promise<TieredVoiceIndex> {
  const saved = dir ? await HnswVoiceIndex.read(fileOf(dir, library, model)) : null
  const index = new TieredVoiceIndex(dim, {}, saved?.dim === dim ? saved : undefined)
  if (index.size === 0) {
    for await (const page of storedEmbeddings(ctx, library, model))
      for (const { id, embedding } of page) index.add(id, embedding)
    return index
  }
  // A saved graph is brought up to date: what was stored or deleted since it was written.
  const stored = new Set(await storedIds(ctx, library, model))
  for (const id of [...index.ids()]) if (!stored.has(id)) index.remove(id)
  const missing = [...stored].filter((id) => !index.has(id))
  for (const { id, embedding } of await embeddingsOf(ctx, library, model, missing))
    index.add(id, embedding)
  return index
}
