// The client's own voice around an agency's work: a complaint of their own before they signed
// up, and the report, later, that the agency took their money and spoke in their name.
import type { Party } from '../contract/index.js'
import { momentOn, ownDraft, ownNetwork } from './actor.js'
import { phoneAt } from './agency.js'
import type { Client } from './agency-client.js'
import { capture } from './capture.js'
import { DAY_MS, dayStart } from './clock.js'
import type { Emitted } from './contact-builder.js'
import { emit, pickSource } from './contact-builder.js'
import { topics } from './genuine-topics.js'
import type { TopicKey } from './genuine-topics.js'
import { say } from './genuine-stories.js'
import type { Slots } from './slots.js'
import { fill } from './slots.js'

/** Before signing up: the customer's own complaint, usually about hardship or collection. */
export function priorOwnComplaint(c: Client): Emitted {
  const { rng } = c.a
  const topic: TopicKey = rng.chance(0.5)
    ? 'hardship'
    : rng.chance(0.6)
      ? 'collection_harass'
      : 'interest_high'
  const channel = rng.pick(['call', 'call', 'app_feedback', 'online_ticket'] as const)
  const at = momentOn(c.a, dayStart(c.start - rng.int(10, 40) * DAY_MS), channel)
  const said = say(c.a, topic, channel, Math.max(at, c.a.world.period.startMs))
  const draft = ownDraft(c.a, {
    channel,
    at: Math.max(at, c.a.world.period.startMs),
    message: said.message,
    core: said.core,
    issue: topics[topic].label,
  })
  return emit(rng, draft, { kind: 'genuine' })
}

const HOOKS = [
  '我在{platform}上看到{org}的广告，说能帮忙停息挂账、减免利息，不成功不收费。',
  '之前有个自称{org}的人加我微信，说可以帮我跟你们协商只还本金。',
  '我在{platform}刷到一个视频，说国家出了新政策可以停息挂账，就联系了对方。',
]
const HARMS = [
  '对方先收了我{fee}元服务费，让我把身份证、银行卡和手机卡寄过去，说要帮我办理协商。',
  '他们让我签了一份委托书，又收了{fee}元，说每个月的还款打给他们，由他们统一处理。',
  '交了{fee}元以后，他们让我不要接你们的电话，所有事情由他们出面。',
]
const AFTER = [
  '后来他们用我的名义给你们打电话、投诉，具体说了什么我都不知道。',
  '现在对方电话打不通，微信也把我拉黑了，钱也不退。',
  '结果到现在一分钱都没还到你们这里，逾期反而更严重了。',
  '他们还让我去医院开证明，我没同意，他们自己弄了一份。',
]
const POINTERS = [
  '对方电话是{agencyPhone}。',
  '对方微信号{wechat}。',
  '公司名字叫{org}。',
  '联系我的人叫{worker}，电话{agencyPhone}。',
]
const ASKS = [
  '我想跟你们直接协商还款，之前那些投诉不是我本人的意思。',
  '请不要再跟他们对接，我自己来处理。',
  '我已经准备报警，希望你们能提供他们打电话的记录。',
  '请问之前他们以我的名义提的要求能撤销吗？',
]

/** The client reports being scammed, naming the agency's phone, WeChat or company. */
export function victimReport(c: Client, at: number, since: number): Emitted {
  const { rng, person } = c.a
  const agencyPhoneUsed = phoneAt(c.agency, c.line, since + rng.int(0, 20) * DAY_MS)
  const slots: Slots = {
    platform: rng.pick(['抖音', '快手', '小红书', '百度', '微信群', '朋友圈']),
    org: rng.pick(c.agency.org.variants),
    fee: String(c.agency.serviceFee),
    agencyPhone: agencyPhoneUsed,
    wechat: rng.pick(c.agency.wechats),
    worker: c.worker,
  }
  const pointers = rng.sample(POINTERS, rng.int(1, 3))
  const text = fill(
    [rng.pick(HOOKS), rng.pick(HARMS), rng.pick(AFTER), ...pointers, rng.pick(ASKS)].join(''),
    slots,
  )
  const agent: Party = { role: 'agent', name: c.worker }
  if (rng.chance(0.7)) agent.phone = agencyPhoneUsed
  if (rng.chance(0.5)) agent.wechat = slots.wechat
  if (rng.chance(0.5) || (!agent.phone && !agent.wechat)) agent.organization = slots.org
  const source = pickSource(rng, 'victim_report')
  const draft = {
    channel: 'victim_report' as const,
    source,
    at,
    about: person,
    caller: capture(rng, 'victim_report', {
      phone: person.phone,
      name: person.person.name,
      role: 'self',
    }),
    callerOnFile: true,
    participants: [agent],
    claims: { name: person.person.name, idNumber: person.idNumber, phone: person.phone },
    text,
    demands: rng.pick([['协商还款'], ['撤销委托'], ['协助报警'], ['协商还款', '撤销委托']]),
    network: source === 'hotline' ? undefined : ownNetwork(c.a),
  }
  return emit(rng, draft, { kind: 'victim_report' })
}
