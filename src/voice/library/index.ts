// The voice library's public surface.
export * from './voice-library.service.js'
export * from './voice-search.js'
export { VoiceIndex } from './voice-index.js'
export type { VoiceHit } from './voice-index.js'
export { cosine, unitLength } from './cosine.js'
export { decodeEmbedding, encodeEmbedding } from './embedding-codec.js'
export * from './voice-findings.js'
