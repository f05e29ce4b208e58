// Genuine customers complaining for themselves: one-off complaints, follow-ups, waves of the
// same complaint after an incident, and the individual who will not stop repeating theirs.
import type { Channel } from '../contract/index.js'
import type { Actor, OwnContact } from './actor.js'
import { momentOn, ownDraft, randomDay, slotsFor } from './actor.js'
import { publicTemplate, renderLetter } from './agency-text.js'
import { DAY_MS, dayStart } from './clock.js'
import type { Emitted, LabelKind } from './contact-builder.js'
import { emit } from './contact-builder.js'
import type { TopicKey } from './genuine-topics.js'
import { commonTopics, topicWeights, topics } from './genuine-topics.js'
import type { GenuineVoice, Message } from './genuine-text.js'
import { floodMessage, followUpMessage, genuineMessage, pickVoice } from './genuine-text.js'
import type { GenuineStory } from './profile.js'
import { genuineStories } from './profile.js'
import { tableOf, weightTable } from './random.js'
import type { Rng } from './random.js'
import { fill, formalAmount } from './slots.js'

const topicTable = tableOf(topicWeights)
const commonChannels = weightTable<Channel>([
  ['app_feedback', 35],
  ['call', 30],
  ['online_ticket', 15],
  ['social', 15],
  ['regulator', 5],
])

export function pickStory(rng: Rng, weights: Record<GenuineStory, number>): GenuineStory {
  return rng.fromTable(
    weightTable(genuineStories.filter((s) => s !== 'lawyer').map((s) => [s, weights[s]] as const)),
  )
}

export function pickTopic(a: Actor): TopicKey {
  return a.rng.chance(a.world.profile.hardshipShare) ? 'hardship' : a.rng.fromTable(topicTable)
}

export function genuineChannel(a: Actor): Channel {
  return a.rng.fromTable(tableOf(a.world.profile.genuineChannels))
}

function voiceFor(a: Actor, channel: Channel): GenuineVoice {
  const { rng } = a
  if (channel === 'app_feedback' && rng.chance(0.5)) return 'short'
  if (channel === 'letter' && rng.chance(0.6)) return 'formal'
  return pickVoice(rng)
}

export type Said = { message: Message; core: string }

/** What the customer says about `topic` on `channel`, and the gist a note-taker keeps. */
export function say(
  a: Actor,
  topic: TopicKey,
  channel: Channel,
  at: number,
  voice = voiceFor(a, channel),
): Said {
  const slots = slotsFor(a, at)
  const t = topics[topic]
  const core = fill(a.rng.chance(0.4) ? a.rng.pick(t.short) : a.rng.pick(t.problems), slots)
  return { message: genuineMessage(a.rng, topic, slots, voice), core }
}

function own(
  a: Actor,
  topic: TopicKey,
  channel: Channel,
  at: number,
  said: Said,
  extra: Partial<OwnContact> = {},
) {
  return ownDraft(a, {
    channel,
    at,
    message: said.message,
    core: said.core,
    issue: topics[topic].label,
    creditMatter: topic === 'credit_report',
    ...extra,
  })
}

function single(a: Actor, kind: LabelKind, topic: TopicKey, channel: Channel, at: number): Emitted {
  return emit(a.rng, own(a, topic, channel, at, say(a, topic, channel, at)), { kind })
}

/** Someone who pasted a complaint template found online: formal, template-like, genuine. */
function diyTemplate(a: Actor): Emitted {
  const { rng, person } = a
  const channel = rng.pick<Channel>(['letter', 'online_ticket', 'regulator', 'email'])
  const at = momentOn(a, randomDay(a), channel)
  const slots = {
    ...slotsFor(a, at),
    id: person.idNumber,
    phone: person.phone,
    principal: formalAmount(rng, person.loan.principal),
    fee: formalAmount(rng, rng.int(2, 20) * 100),
    hardship: rng.pick(['收入减少', '失业', '生病住院']),
    overdueDays: String(person.loan.overdueDays ?? rng.int(3, 60)),
    months: '24',
    rate: '35.9',
    deadline: '15',
    date: '',
  }
  const letter = renderLetter(rng, publicTemplate(rng.int(0, 2)), slots, {
    paraphrase: 0.3,
    declared: false,
    refusal: false,
    condensed: channel === 'online_ticket',
  })
  return emit(
    rng,
    own(a, 'interest_high', channel, at, { message: letter, core: '利息过高、要求协商' }),
    { kind: 'genuine' },
  )
}

export function extras(a: Actor, kind: LabelKind = 'genuine'): Emitted[] {
  const n = a.rng.geometric(1 / (1 + a.world.profile.extraContactMean))
  return Array.from({ length: Math.min(n, 4) }, () => {
    const channel = genuineChannel(a)
    return single(a, kind, pickTopic(a), channel, momentOn(a, randomDay(a), channel))
  })
}

export function ordinaryStory(a: Actor): Emitted[] {
  if (a.rng.chance(a.world.profile.diyTemplateShare)) return [diyTemplate(a), ...extras(a)]
  const channel = genuineChannel(a)
  return [
    single(a, 'genuine', pickTopic(a), channel, momentOn(a, randomDay(a), channel)),
    ...extras(a),
  ]
}

export function followUpStory(a: Actor): Emitted[] {
  const { rng } = a
  const topic = pickTopic(a)
  const channel = genuineChannel(a)
  let day = dayStart(Math.min(randomDay(a), a.world.period.endMs - 30 * DAY_MS))
  let at = momentOn(a, day, channel)
  const first = say(a, topic, channel, at)
  const out = [emit(rng, own(a, topic, channel, at, first), { kind: 'follow_up' })]
  const n = rng.int(1, 2)
  for (let i = 0; i < n; i++) {
    day += rng.int(4, 18) * DAY_MS
    const next = rng.chance(0.5)
      ? channel
      : rng.pick<Channel>(['call', 'regulator', 'online_ticket', 'app_feedback'])
    at = momentOn(a, day, next)
    const message = followUpMessage(rng, first.message, topic, slotsFor(a, at))
    out.push(
      emit(
        rng,
        own(a, topic, next, at, { message, core: `此前反映的问题仍未解决，${first.core}` }),
        { kind: 'follow_up' },
      ),
    )
  }
  return out
}

/** Many consumers hit by the same problem write in at once; after an incident, in a wave. */
export function commonTopicStory(a: Actor): Emitted[] {
  const { rng, world } = a
  const incident = rng.chance(0.6) && world.incidents.length > 0 ? rng.pick(world.incidents) : null
  const topic = incident?.topic ?? rng.pick(commonTopics)
  const channel = rng.fromTable(commonChannels)
  const day = incident ? incident.day + Math.min(rng.geometric(0.55), 6) * DAY_MS : randomDay(a)
  const at = momentOn(a, Math.min(day, world.period.endMs - DAY_MS), channel)
  const voice: GenuineVoice = rng.chance(0.4) ? 'short' : rng.chance(0.6) ? 'plain' : pickVoice(rng)
  return [
    emit(rng, own(a, topic, channel, at, say(a, topic, channel, at, voice)), {
      kind: 'common_topic',
    }),
    ...extras(a),
  ]
}

/** An individual repeating one complaint: the first three are heard as usual, the rest break the complaint order. */
export function selfFloodStory(a: Actor): Emitted[] {
  const { rng, world } = a
  const topic = pickTopic(a)
  const base = rng.pick<Channel>(['app_feedback', 'call', 'online_ticket', 'call'])
  const others = weightTable<Channel>([
    [base, 70],
    ['regulator', 20],
    ['social', 10],
  ])
  const n = Math.max(
    1,
    rng.int(world.profile.selfFloodRepeats.min, world.profile.selfFloodRepeats.max),
  )
  const day0 = dayStart(Math.min(randomDay(a), world.period.endMs - 28 * DAY_MS))
  const channels = Array.from({ length: n }, (_, i) => (i === 0 ? base : rng.fromTable(others)))
  const ats = channels.map((c, i) => momentOn(a, day0 + (i === 0 ? 0 : rng.int(0, 26)) * DAY_MS, c))
  const order = [...ats.keys()].sort((x, y) => (ats[x] ?? 0) - (ats[y] ?? 0))
  const first = say(a, topic, base, ats[order[0] ?? 0] ?? day0)
  return order.map((k, i) => {
    const channel = channels[k] ?? base
    const at = ats[k] ?? day0
    const message = i === 0 ? first.message : floodMessage(rng, first.message, i + 1)
    const draft = own(a, topic, channel, at, {
      message,
      core: i === 0 ? first.core : `再次反映${first.core}`,
    })
    return emit(
      rng,
      draft,
      i < 3
        ? { kind: 'self_flood' }
        : { kind: 'self_flood_excess', category: 'complaint_order_violation' },
    )
  })
}
