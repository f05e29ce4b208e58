// Promotion-abuse rings: farmed accounts, registered together, run from a handful of phones and
// networks, all asking for the same compensation through in-app feedback within days.
import type { Channel } from '../contract/index.js'
import type { Actor } from './actor.js'
import { momentOn } from './actor.js'
import { capture } from './capture.js'
import { DAY_MS, dayStart } from './clock.js'
import type { Emitted } from './contact-builder.js'
import { emit, pickSource } from './contact-builder.js'
import { carrierIp } from './network.js'
import { Rng } from './random.js'
import { fill } from './slots.js'
import type { Ring } from './world.js'

const ASKS = [
  '新人免息券没用上，要求补偿',
  '参加活动说返现{cash}元一直没到账',
  '借款时提示有免息券结果还是收了利息，要求退还利息',
  '邀请好友奖励没发放，请尽快处理',
  '活动页面写的首借免息，为什么收了利息？退给我',
  '抽奖中的{cash}元还款券不见了，请补发',
  '说好的新用户福利没到，要求补发并赔偿',
]
const TAILS = ['', '', '。', '！', '，谢谢', '，请尽快处理', '，不处理就投诉']
const DEMANDS = [['退还费用'], ['补偿'], ['补发优惠', '补偿'], ['退还费用', '补偿']]

/** Each ring settles on two or three phrasings and a cash figure. */
function ringScript(ring: Ring): { asks: string[]; cash: string; demands: string[] } {
  const rng = new Rng('ring-script', ring.phrasing)
  return {
    asks: rng.sample(ASKS, rng.int(2, 3)),
    cash: String(rng.pick([5, 8, 10, 18, 20, 50, 88])),
    demands: rng.pick(DEMANDS),
  }
}

export function ringStory(a: Actor, ring: Ring): Emitted[] {
  const { rng, person, world } = a
  const script = ringScript(ring)
  return Array.from({ length: rng.chance(0.6) ? 1 : rng.int(2, 3) }, () => {
    const channel: Channel = rng.chance(0.85) ? 'app_feedback' : 'online_ticket'
    const day = Math.min(
      dayStart(ring.burstFrom) + rng.int(0, 14) * DAY_MS,
      dayStart(world.period.endMs - DAY_MS),
    )
    const at = momentOn(a, day, channel)
    const text = fill(rng.pick(script.asks), { cash: script.cash }) + rng.pick(TAILS)
    const draft = {
      channel,
      source: pickSource(rng, channel),
      at,
      about: person,
      caller: capture(rng, channel, {
        phone: person.phone,
        name: person.person.name,
        role: 'self',
      }),
      callerOnFile: true,
      claims: { name: person.person.name, idNumber: person.idNumber, phone: person.phone },
      text,
      demands: script.demands,
      network: {
        ip: rng.chance(0.8) ? rng.pick(ring.ips) : carrierIp(rng),
        device_id: rng.pick(ring.devices),
      },
    }
    return emit(rng, draft, {
      kind: 'promotion_abuse',
      category: 'promotion_abuse',
      gang: ring.gang,
    })
  })
}
