// Text signals: template letters (slots masked, shingled, MinHash/LSH clustered) and the
// language of the gray industry.
export { maskSlots, SLOT } from './slots.js'
export { shingles, SHINGLE_SIZE } from './shingles.js'
export { estimateJaccard, minhash, minhashInto, EMPTY_SLOT, SIGNATURE_SIZE } from './minhash.js'
export {
  DuplicateTextError,
  sharedPassages,
  TEMPLATE_DEFAULTS,
  TemplateIndex,
  type MatchOptions,
  type TemplateCluster,
  type TemplateMatch,
  type TemplateOptions,
} from './template-index.js'
export type { SharedPassages } from './shared-passages.js'
export { grayLanguage, type GrayHit, type GrayLanguage } from './gray-language.js'
export { GRAY_LEXICON, type GrayCategory, type GrayPhrase } from './gray-lexicon.js'
