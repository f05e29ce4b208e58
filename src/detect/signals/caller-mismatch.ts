// The caller is not the customer on file. Weak by design: a customer's own new phone or one genuine
// relative is ordinary; only together with linking evidence does it describe an agency.
import type { SignalModule } from './signal.js'
import { hit, identifierRef } from './signal.js'

const ROLE_ZH: Record<string, string> = {
  relative: '亲属',
  agent: '代理人',
  friend: '朋友',
  lawyer: '律师',
  unknown: '身份不明',
}

const ROLE_FACTOR: Record<string, number> = {
  self: 0.5,
  relative: 0.5,
  friend: 0.8,
  agent: 1,
  lawyer: 0.3,
  unknown: 0.7,
}

export const callerMismatch: SignalModule = {
  code: 'caller_mismatch',
  describes: 'the caller is not the customer (a phone not on file, or a claimed role)',
  detect({ index, contact, settings }) {
    if (!contact.customerId) return null
    // Without a phone, an unnamed or unknown-role poster says nothing about who is calling.
    if (!contact.callerPhone && (!contact.callerRole || contact.callerRole === 'unknown'))
      return null
    const role = contact.callerRole ?? 'unknown'
    const phone = contact.callerPhone
    const phoneOnFile = phone ? index.isOnFileFor(contact.customerId, phone) : null
    const nameOnFile = index.customers.nameKey(contact.customerId)
    const wrongName =
      role === 'self' && contact.callerNameKey && nameOnFile && contact.callerNameKey !== nameOnFile
    if (role === 'self' && phoneOnFile !== false && !wrongName) return null
    if (role !== 'self' && phoneOnFile === true) return null
    const base = settings.signals.caller_mismatch?.weight ?? 0.3
    const weight = base * (ROLE_FACTOR[role] ?? 0.7) + (wrongName ? 0.15 : 0)
    const zh =
      role === 'self'
        ? wrongName
          ? '来电人自称本人，但姓名与客户档案不符'
          : '自称本人，但来电号码不在客户档案中'
        : `来电人不是客户本人（自称${ROLE_ZH[role] ?? role}）`
    const en =
      role === 'self'
        ? wrongName
          ? 'caller says he is the customer but gives another name'
          : 'caller says he is the customer from a phone not on file'
        : `the caller is not the customer (role: ${role})`
    return hit('caller_mismatch', weight, zh, en, phone ? [identifierRef(phone)] : [])
  },
}
