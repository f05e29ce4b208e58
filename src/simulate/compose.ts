// Puts a message on a channel: a hotline note for calls, the regulator's or the platform's
// envelope for forwards and posts, a form for tickets. Shared by every story.
import type { Channel } from '../contract/index.js'
import type { CallFacts } from './call-notes.js'
import { callText } from './call-notes.js'
import type { Envelope, RegulatorSource, SocialSource } from './channel-format.js'
import { emailText, regulatorRef, regulatorText, socialText, ticketText } from './channel-format.js'
import type { Rng } from './random.js'
import type { Slots } from './slots.js'
import type { World } from './world.js'

export type Rendered = { text: string; regulatorRef?: string }

export function renderOnChannel(
  rng: Rng,
  world: World,
  channel: Channel,
  source: string,
  at: number,
  env: Envelope,
  call: CallFacts,
  slots: Slots,
): Rendered {
  switch (channel) {
    case 'call':
      return {
        text: callText(rng, call, {
          ...slots,
          lender: world.lender.short,
          staffNo: String(rng.int(1000, 99999)),
        }),
      }
    case 'regulator': {
      const src = source as RegulatorSource
      return { text: regulatorText(rng, src, env), regulatorRef: regulatorRef(rng, src, at) }
    }
    case 'social':
      return { text: socialText(rng, source as SocialSource, world.lender, env) }
    case 'online_ticket':
      return { text: ticketText(rng, env) }
    case 'email':
      return { text: emailText(rng, world.lender, env) }
    default:
      return { text: env.body }
  }
}
