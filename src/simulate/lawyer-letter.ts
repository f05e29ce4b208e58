// The lawyer's letter (律师函) frame. Genuine lawyers and agencies posing as lawyers both use
// it; what differs is the body: measured requests versus a template of demands.
import type { Rng } from './random.js'
import type { Slots } from './slots.js'
import { fill } from './slots.js'

const OPENINGS = [
  '{firm}接受{name}（身份证号：{id}）的委托，指派本所{lawyer}律师，就其与贵司之间的借款合同纠纷事宜，郑重致函如下：',
  '致{lenderLegal}：\n{firm}依法接受{name}的委托，由{lawyer}律师担任其代理人，现就相关事宜函告如下：',
  '律师函\n{lenderLegal}：\n本所受{name}委托，指派{lawyer}律师处理其与贵司的借款事宜。',
]

const FACTS = [
  '据委托人陈述，其于{loanDate}在贵司处借款{principal}元，因{reason}，目前出现逾期。',
  '经了解，委托人在贵司名下有借款一笔，现因{reason}暂时无法按期还款。',
]

// [request, demand keyword]
const REQUESTS: readonly (readonly [string, string])[] = [
  ['请贵司提供借款合同、还款明细及费用构成，以便核实债务金额。', '提供明细'],
  ['委托人有还款意愿，希望在合理范围内与贵司协商制定还款计划。', '协商还款'],
  ['请贵司规范催收行为，停止向委托人的亲友及同事披露债务信息。', '停止催收'],
  ['请贵司核实委托人所反映的费用收取问题，如有不当收费请予退还。', '退还费用'],
  ['请贵司暂缓对委托人的催收措施，待双方协商后再行处理。', '暂缓催收'],
]

const CLOSINGS = [
  '特此函告。\n{firm}\n律师：{lawyer}\n执业证号：{licence}\n联系电话：{lawyerPhone}\n{date}',
  '如有疑问，请与本律师联系（电话：{lawyerPhone}）。\n{firm} {lawyer}律师\n{date}',
  '此致\n{lenderLegal}\n{firm}\n{date}',
]

const REASONS = ['收入下降', '身体原因', '家庭变故', '工作变动', '经营困难']

export function lawyerOpening(rng: Rng, slots: Slots): string {
  return fill(rng.pick(OPENINGS), slots)
}

export function lawyerClosing(rng: Rng, slots: Slots): string {
  return fill(rng.pick(CLOSINGS), slots)
}

/** A genuine lawyer's letter: a frame around two or three measured requests. */
export function genuineLawyerLetter(rng: Rng, slots: Slots): { text: string; demands: string[] } {
  const requests = rng.sample(REQUESTS, rng.int(2, 3))
  const facts = fill(rng.pick(FACTS), { ...slots, reason: rng.pick(REASONS) })
  const body = requests.map(([r], i) => `${i + 1}. ${r}`).join('\n')
  const text = [lawyerOpening(rng, slots), facts, body, lawyerClosing(rng, slots)].join('\n')
  return { text, demands: requests.map(([, d]) => d) }
}
