// Genuine consumers' messages: one topic, told in one of several voices (a terse line, a
// plain account, an angry rant, a long story, a polite letter), with everyday sloppiness.
import type { TopicKey } from './genuine-topics.js'
import {
  angry,
  closers,
  contexts,
  escalations,
  floodPrefixes,
  followUps,
  openers,
  topics,
} from './genuine-topics.js'
import type { Rng } from './random.js'
import { tableOf } from './random.js'
import type { Slots } from './slots.js'
import { fill, ordinal } from './slots.js'

export type GenuineVoice = 'short' | 'plain' | 'angry' | 'long' | 'formal'
const voiceTable = tableOf<GenuineVoice>({ short: 25, plain: 38, angry: 14, long: 15, formal: 8 })

export type Message = { text: string; demands: string[] }

const FORMAL_OPEN = [
  '您好，本人{name}，是贵平台的借款用户，现反映如下问题：',
  '本人{name}，身份证号{id}，手机号{phone}，现反映如下问题：',
  '投诉人：{name}，身份证号码：{id}，联系电话：{phone}。\n',
  '尊敬的{lender}：',
  '您好，我是贵公司客户{name}。',
  '致{lender}客服部门：',
]
const FORMAL_LAW = [
  '根据消费者权益保护法，我有知情权。',
  '我认为贵公司的做法侵害了我的合法权益。',
  '希望贵公司依法依规处理。',
  '',
]
const FORMAL_CLOSE = ['望予处理，谢谢。', '盼复。', '谢谢！\n{name}', '以上，望尽快回复。']

export function pickVoice(rng: Rng): GenuineVoice {
  return rng.fromTable(voiceTable)
}

/** A genuine complaint about `topicKey` in the consumer's own words. */
export function genuineMessage(
  rng: Rng,
  topicKey: TopicKey,
  slots: Slots,
  voice = pickVoice(rng),
): Message {
  const topic = topics[topicKey]
  const demands = [...rng.pick(topic.demands)]
  const parts = voiceParts(rng, topicKey, voice)
  const text = roughen(rng, fill(parts.join(''), slots), voice)
  return { text, demands: rng.chance(0.75) ? demands : [] }
}

function voiceParts(rng: Rng, topicKey: TopicKey, voice: GenuineVoice): string[] {
  const t = topics[topicKey]
  const detail = () => (rng.chance(0.6) ? rng.pick(t.details) : '')
  switch (voice) {
    case 'short':
      return rng.chance(0.7) ? [rng.pick(t.short)] : [rng.pick(t.problems)]
    case 'plain':
      return [
        rng.pick(openers),
        rng.pick(t.problems),
        detail(),
        rng.pick(t.asks),
        rng.pick(closers),
      ]
    case 'angry':
      return [
        rng.pick(t.problems),
        rng.pick(angry),
        detail(),
        rng.pick(t.asks),
        rng.chance(0.6) ? rng.pick(escalations) : '',
      ]
    case 'long':
      return [
        rng.pick(openers),
        rng.pick(contexts),
        rng.pick(t.problems),
        ...rng.sample(t.details, rng.int(1, 3)),
        rng.chance(0.4) ? rng.pick(angry) : '',
        rng.pick(t.asks),
        rng.chance(0.3) ? rng.pick(escalations) : '',
        rng.pick(closers),
      ]
    case 'formal':
      return [
        rng.pick(FORMAL_OPEN),
        rng.pick(t.problems),
        detail(),
        rng.pick(FORMAL_LAW),
        rng.pick(t.asks),
        rng.pick(FORMAL_CLOSE),
      ]
  }
}

/** Typing habits: run-on commas, doubled marks, missing final stop, spaces for stops. */
function roughen(rng: Rng, text: string, voice: GenuineVoice): string {
  if (voice === 'formal') return text
  let out = text
  const u = rng.next()
  if (u < 0.22) out = out.replace(/。(?=.)/g, '，')
  else if (u < 0.3)
    out = out
      .replace(/[，。]/g, ' ')
      .replace(/ +/g, ' ')
      .trim()
  if (rng.chance(0.12)) out = out.replace(/[？?]$/, '？？？').replace(/！$/, '！！')
  if (rng.chance(0.2)) out = out.replace(/[。，]$/, '')
  return out.trim()
}

/** A later message about the same matter: points back to the first, sometimes repeats it. */
export function followUpMessage(
  rng: Rng,
  first: Message,
  topicKey: TopicKey,
  slots: Slots,
): Message {
  const lead = fill(rng.pick(followUps), slots)
  const again = rng.chance(0.5)
    ? first.text
    : genuineMessage(rng, topicKey, slots, rng.chance(0.5) ? 'short' : 'plain').text
  const body = again.replace(/^(你好|您好|客服你好|在吗)[，,？?！!]?(我想投诉一下，)?/, '')
  const ref = rng.chance(0.25) ? `工单号${slots.ticket ?? ''}。` : ''
  return { text: `${lead}${ref}${body}`, demands: first.demands }
}

/** The n-th copy of a flooder's complaint: the same words, angrier each time. */
export function floodMessage(rng: Rng, base: Message, n: number): Message {
  const lead = fill(rng.pick(floodPrefixes), { n: ordinal(rng, n) })
  const firstSentence = /^[^。！？!?]+[。！？!?]/.exec(base.text)?.[0]
  const body = firstSentence && rng.chance(0.2) ? firstSentence : base.text
  return { text: rng.chance(0.85) ? `${lead}${body}` : body, demands: base.demands }
}
