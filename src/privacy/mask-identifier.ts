// Identifiers (`kind:value`, as links/identifier.ts keys them) keep their kind and lose the
// personal part of their value: `phone:+8613800138000` → `phone:138****8000`.
import {
  maskDevice,
  maskEmail,
  maskIdNumber,
  maskIp,
  maskMiddle,
  maskName,
  maskPhone,
  maskWechat,
} from './maskers.js'
import { maskText } from './mask-text.js'

const keep = (value: string) => value

// Organisations are not people, and file hashes and template ids say nothing about anyone by
// themselves; they stay whole so that investigators can still compare them.
const valueMaskers: Record<string, (value: string) => string> = {
  phone: maskPhone,
  id_number: maskIdNumber,
  email: maskEmail,
  wechat: maskWechat,
  organization: keep,
  device: maskDevice,
  ip: maskIp,
  sha256: keep,
  phash: keep,
  text_template: keep,
  name: maskName,
  agent_name: maskName,
}

/** Masks the value of a `kind:value` identifier by its kind; an unknown kind has its middle hidden. */
export function maskIdentifier(identifier: string): string {
  const colon = identifier.indexOf(':')
  if (colon < 0) return maskText(identifier)
  const kind = identifier.slice(0, colon)
  const value = identifier.slice(colon + 1)
  // A value the normaliser could not read is kept as `invalid:<digits>`: keep the marker.
  if (value.startsWith('invalid:')) {
    return `${kind}:invalid:${maskMiddle(value.slice('invalid:'.length), 3, 2)}`
  }
  const mask = valueMaskers[kind] ?? ((v: string) => maskMiddle(v, 2, 2, '****'))
  return `${kind}:${mask(value)}`
}
