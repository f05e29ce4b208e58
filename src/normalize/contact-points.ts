// E-mail, WeChat, IP, device and file-hash identifiers in one canonical form each, or null
// when the value cannot be one (a null is "no identifier", never a shared empty key).
import { isIP } from 'node:net'

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/
// "微信: abc" / "wx：abc" / "微信号 abc": a label in front of the id, not part of it.
const WECHAT_LABEL = /^(?:(?:微信号?|薇信|威信|v信)\s*:?|(?:wechat|weixin|wx|vx)\s*:)\s*/iu
const UUID_HEX = /^[0-9a-f]{32}$/
// Placeholder device ids that many devices share: the zeroed IDFA/OAID when tracking is
// limited, and an Android ID that a buggy build gave to millions of phones. Linking on them
// would tie strangers together.
const SHARED_DEVICE_IDS = new Set(['00000000-0000-0000-0000-000000000000', '9774d56d682e549c'])

export function normalizeEmail(raw: string): string | null {
  const email = raw
    .normalize('NFKC')
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase()
  return EMAIL.test(email) ? email : null
}

export function normalizeWechat(raw: string): string | null {
  const id = raw.normalize('NFKC').trim().replace(WECHAT_LABEL, '').trim().toLowerCase()
  return id === '' ? null : id
}

/** Canonical IP text: dotted IPv4, RFC 5952 IPv6; an IPv4-mapped IPv6 address is its IPv4. */
export function normalizeIp(raw: string): string | null {
  const text = raw.trim().replace(/^\[(.*)\]$/, '$1')
  const version = isIP(text)
  if (version === 4) return text
  if (version !== 6) return null
  // The WHATWG URL serialiser writes IPv6 the RFC 5952 way (lowercase, longest zero run as ::).
  const host = new URL(`http://[${text.replace(/%.*$/, '')}]`).hostname.slice(1, -1)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host)
  if (mapped === null) return host
  const [high, low] = [parseInt(mapped[1] ?? '', 16), parseInt(mapped[2] ?? '', 16)]
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}

export function normalizeDeviceId(raw: string): string | null {
  let id = raw
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase()
  // One UUID written with or without dashes is one device.
  if (UUID_HEX.test(id)) id = id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')
  return id === '' || SHARED_DEVICE_IDS.has(id) ? null : id
}

export function normalizeSha256(raw: string): string | null {
  const hex = raw
    .trim()
    .replace(/^sha256:/i, '')
    .toLowerCase()
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null
}

/** Perceptual image hash (usually 64 bits as 16 hex digits). */
export function normalizePhash(raw: string): string | null {
  const hex = raw.trim().replace(/^0x/i, '').toLowerCase()
  return /^[0-9a-f]{8,256}$/.test(hex) ? hex : null
}
