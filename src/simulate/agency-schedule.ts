// When an agency touches a client, and through which channels: a first contact, escalations
// every few days (often on the agency's batch days), a multi-channel push, a three-way call.
import type { Channel } from '../contract/index.js'
import { momentOn } from './actor.js'
import type { Client } from './agency-client.js'
import { DAY_MS, dayStart } from './clock.js'
import { weightTable } from './random.js'

export type Step = { at: number; channel: Channel; burst: boolean; threeWay: boolean }

const FIRST = weightTable<Channel>([
  ['call', 40],
  ['letter', 15],
  ['online_ticket', 15],
  ['regulator', 15],
  ['email', 5],
  ['app_feedback', 5],
  ['social', 5],
])
const LATER = weightTable<Channel>([
  ['regulator', 30],
  ['call', 30],
  ['social', 12],
  ['online_ticket', 12],
  ['letter', 8],
  ['email', 4],
  ['app_feedback', 4],
])
export const WRITTEN: readonly Channel[] = [
  'online_ticket',
  'letter',
  'app_feedback',
  'email',
  'social',
]
const BURST: readonly Channel[] = [
  'call',
  'online_ticket',
  'regulator',
  'social',
  'regulator',
  'email',
  'app_feedback',
]

function snap(c: Client, t: number): number {
  const { rng, world } = c.a
  if (!rng.chance(world.profile.campaignShare)) return dayStart(t)
  const day = c.agency.campaignDays.find((d) => d >= dayStart(t) && d < t + 8 * DAY_MS)
  return day ?? dayStart(t)
}

export function schedule(c: Client): Step[] {
  const { rng, world } = c.a
  const end = world.period.endMs - DAY_MS
  const steps: Step[] = []
  let t = c.start
  for (let k = 0; k < c.contacts && t < end; k++) {
    const channel = c.letterOnly ? 'letter' : rng.fromTable(k === 0 ? FIRST : LATER)
    steps.push({
      at: momentOn(c.a, Math.min(snap(c, t), dayStart(end)), channel, true),
      channel,
      burst: false,
      threeWay: false,
    })
    t += rng.int(2, 15) * DAY_MS
  }
  if (c.multiChannel && !c.letterOnly) {
    const at = steps[Math.min(1, steps.length - 1)]?.at ?? c.start
    for (const channel of rng.sample(BURST, rng.int(3, 5))) {
      steps.push({
        at: momentOn(
          c.a,
          Math.min(dayStart(at) + rng.int(0, 3) * DAY_MS, dayStart(end)),
          channel,
          true,
        ),
        channel,
        burst: true,
        threeWay: false,
      })
    }
  }
  if (c.threeWay && !c.letterOnly) {
    const at = momentOn(
      c.a,
      Math.min(dayStart(c.start + rng.int(0, 20) * DAY_MS), dayStart(end)),
      'call',
      true,
    )
    steps.push({ at, channel: 'call', burst: false, threeWay: true })
  }
  // Every agency sends its letter at least once, whatever else it does by phone.
  if (!steps.some((s) => WRITTEN.includes(s.channel))) {
    const channel = rng.pick(WRITTEN.slice(0, 3))
    const at = momentOn(
      c.a,
      Math.min(dayStart(c.start + rng.int(1, 10) * DAY_MS), dayStart(end)),
      channel,
      true,
    )
    steps.push({ at, channel, burst: false, threeWay: false })
  }
  return steps.sort((x, y) => x.at - y.at)
}
