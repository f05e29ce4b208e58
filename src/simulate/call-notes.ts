// What the lender's hotline staff write about a call: a one-paragraph note, or a short
// transcript. The same staff write about every caller, so the phrasing pools are shared;
// only what happened on the call differs.
import type { Rng } from './random.js'
import type { Slots } from './slots.js'
import { fill } from './slots.js'

export type CallerStance = 'self' | 'relative' | 'friend' | 'lawyer' | 'agent' | 'three_way'

const WHO: Record<CallerStance, readonly string[]> = {
  self: ['客户来电，', '客户本人来电，', '客户致电，', '来电人自称客户本人，', '客户来电咨询，'],
  relative: ['客户{relation}来电，', '来电人自称客户的{relation}，', '{relation}代客户来电，'],
  friend: ['来电人自称客户朋友，', '客户朋友来电，', '来电人称是客户同事，'],
  lawyer: [
    '来电人自称{org}律师{agentName}，',
    '{org}律师来电，称受客户委托，',
    '来电人自称律师，受客户委托，',
  ],
  agent: [
    '来电人自称客户委托的代理人，',
    '来电人自称{org}工作人员，受客户委托，',
    '来电人称是客户的法务顾问，',
    '来电人自称客户助理，',
  ],
  three_way: [
    '客户来电，通话中有第三人插话，',
    '客户本人来电，旁边有人指导其发言，',
    '三方通话，客户及一名自称{thirdRole}的人在线，',
  ],
}

export const checks = {
  onFile: ['来电号码为预留号码。', '', ''],
  newPhoneOk: [
    '来电号码非预留号码，核实姓名、身份证号一致。',
    '客户称换了新号码，已核身。',
    '非预留手机号，身份信息核对无误。',
  ],
  partial: [
    '核身时姓名报错，身份证号正确。',
    '核身未通过，来电人无法准确说出借款信息。',
    '来电人能报出客户身份证号，但对借款时间、金额含糊。',
  ],
  failed: ['核身未通过。', '来电人无法提供完整身份信息。'],
  noDocs: [
    '已告知需提供客户授权委托书及代理人身份证明。',
    '来电人未能提供授权材料。',
    '来电人拒绝提供本人身份信息。',
  ],
  insists: [
    '要求我司与其对接，不同意回拨客户本人。',
    '称客户不方便接电话，一切由其处理。',
    '拒绝我司直接联系客户本人。',
  ],
  relativeOk: [
    '已告知需客户本人来电或提供授权材料，来电人表示理解。',
    '来电人提供了客户身份证号，未提供授权书，已告知材料要求。',
  ],
  lawyerOk: [
    '来电人提供了执业证号，已告知需邮寄律所函及授权委托书原件。',
    '已记录律师联系方式，待材料核实后回复。',
  ],
  suspicion: ['疑似代理投诉，已按话术应对。', '来电人语速快、反复引用法条，疑似职业代理。'],
} as const

const HANDLING = [
  '已安抚并记录，工单已提交相关部门处理。',
  '已解释，客户表示理解。',
  '已登记，承诺3个工作日内回复。',
  '已按流程转投诉专员。',
  '已告知处理时效。',
  '来电人情绪激动，已升级处理。',
  '已记录诉求，待核实后回电。',
  '来电人要求书面答复，已登记。',
]

export type CallFacts = {
  stance: CallerStance
  /** Third-person account of the matter, as staff summarise it. */
  issue: string
  demand?: string
  checks: string[]
  /** First-person lines for the transcript form. */
  lines: { opening: string; identity: string; closing?: string }
}

/** A staff note (most calls) or a short transcript (some), filled with `slots`. */
export function callText(rng: Rng, facts: CallFacts, slots: Slots): string {
  if (rng.chance(0.3)) return fill(transcript(rng, facts), slots)
  const who = rng.pick(WHO[facts.stance])
  const demand = facts.demand ? `要求${facts.demand}。` : ''
  const text = `${who}${facts.issue}${demand}${facts.checks.join('')}${rng.pick(HANDLING)}`
  return fill(text, slots)
}

function transcript(rng: Rng, f: CallFacts): string {
  const ask =
    f.stance === 'self' || f.stance === 'three_way'
      ? '请问您是借款人本人吗？麻烦提供一下姓名和身份证号码。'
      : '请问您和借款人是什么关系？'
  const turns = [
    `坐席：您好，{lender}客服，工号{staffNo}，请问有什么可以帮您？`,
    `来电人：${f.lines.opening}`,
    `坐席：${ask}`,
    `来电人：${f.lines.identity}`,
    `坐席：${rng.pick(['好的，您的问题我记录一下。', '明白，我这边帮您登记。', '好的，请您稍等。'])}`,
  ]
  if (f.lines.closing) turns.push(`来电人：${f.lines.closing}`)
  turns.push(
    `坐席：${rng.pick(['已经为您记录，我们会在3个工作日内回复您。', '您的诉求已提交，请保持电话畅通。', '好的，后续会有专员联系您。'])}`,
  )
  return turns.join('\n')
}
