// Normalisation of the identifiers Grayline links on: phones, PRC ID numbers, names,
// organisations, contact points and free text.
export { normalizePhone } from './phone.js'
export type { NormalizedPhone } from './phone.js'
export { idCheckDigit, parseIdNumber } from './id-number.js'
export type { ParsedIdNumber } from './id-number.js'
export { nameKey, normalizeName, normalizeOrganization } from './name.js'
export type { NormalizedOrganization } from './name.js'
export { normalizeText, stripBom } from './text.js'
export {
  normalizeDeviceId,
  normalizeEmail,
  normalizeIp,
  normalizePhash,
  normalizeSha256,
  normalizeWechat,
} from './contact-points.js'
export { provinceByCode, regionPrefixes } from './prc-regions.js'
