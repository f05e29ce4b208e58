// Which details of a sender each channel captures: a switch sees the number, a form asks for
// a name and phone, a post shows a nickname. Applied identically to every sender.
import type { Channel, Party } from '../contract/index.js'
import { personName } from './names.js'
import type { Rng } from './random.js'
import type { Rhythm } from './clock.js'

export type Sender = {
  phone?: string
  name: string
  role: NonNullable<Party['role']>
  organization?: string
  relation?: string
  email?: string
  wechat?: string
}

const NICK_WORDS = [
  '小',
  '老',
  '快乐',
  '孤独',
  '追风',
  '平凡',
  '阳光',
  '无奈',
  '上岸',
  '努力',
  '等风来',
  '星星',
]

/** A social-media display name. */
export function nickname(rng: Rng): string {
  const u = rng.next()
  if (u < 0.35) return `黑猫用户${rng.digits(rng.int(5, 8))}`
  if (u < 0.55) return '匿名用户'
  if (u < 0.8)
    return (
      rng.pick(NICK_WORDS) +
      rng.pick(['的', '', '']) +
      personName(rng).name.slice(-1) +
      rng.digits(rng.int(0, 3))
    )
  return `用户${rng.hex(6)}`
}

// Share of contacts on a channel where each field is captured.
const PHONE: Record<Channel, number> = {
  call: 0.97,
  app_feedback: 0.3,
  online_ticket: 0.95,
  regulator: 0.9,
  letter: 0.6,
  email: 0.2,
  social: 0,
  victim_report: 0.97,
}
const NAME: Record<Channel, number> = {
  call: 0.5,
  app_feedback: 0.3,
  online_ticket: 0.95,
  regulator: 0.97,
  letter: 0.98,
  email: 0.6,
  social: 1,
  victim_report: 0.9,
}

export function capture(rng: Rng, channel: Channel, s: Sender): Party {
  const out: Party = {}
  if (s.phone && rng.chance(PHONE[channel])) out.phone = s.phone
  if (rng.chance(NAME[channel]))
    out.name = channel === 'social' && rng.chance(0.75) ? nickname(rng) : s.name
  out.role = channel === 'social' && rng.chance(0.5) ? 'unknown' : s.role
  if (s.organization) out.organization = s.organization
  if (s.relation) out.relation_claimed = s.relation
  const typed = channel === 'online_ticket' || channel === 'letter' || channel === 'regulator'
  if (s.email && (channel === 'email' || (typed && rng.chance(0.2)))) out.email = s.email
  if (s.wechat) out.wechat = s.wechat
  return out
}

/** The hours at which a contact on `channel` reaches the lender, for a consumer or an office. */
export function rhythmFor(rng: Rng, channel: Channel, office: boolean): Rhythm {
  if (channel === 'regulator' || channel === 'letter') return 'office'
  if (channel === 'call') return office ? 'office' : 'consumer_call'
  return office && rng.chance(0.75) ? 'office' : 'consumer'
}
