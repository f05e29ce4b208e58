// Embeddings are stored as base64 of little-endian float32: text means the same on both stores.
export function encodeEmbedding(embedding: Float32Array): string {
  const bytes = Buffer.alloc(embedding.length * 4)
  embedding.forEach((x, i) => bytes.writeFloatLE(x, i * 4))
  return bytes.toString('base64')
}

export function decodeEmbedding(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64')
  const out = new Float32Array(bytes.length / 4)
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4)
  return out
}
