// What genuine consumers write about, in their own words: per topic, whole short messages,
// problem statements, details and asks. Slots in braces are filled per consumer.
import { moneyTopics } from './topics-money.js'
import { serviceTopics } from './topics-service.js'

export type TopicKey =
  | 'double_debit'
  | 'collection_harass'
  | 'interest_high'
  | 'login_issue'
  | 'fee_bundle'
  | 'credit_report'
  | 'hardship'
  | 'repay_fail'
  | 'early_settle'
  | 'limit_cut'
  | 'privacy'
  | 'service'
  | 'coupon'
  | 'not_mine'

export type Topic = {
  label: string
  short: readonly string[]
  problems: readonly string[]
  details: readonly string[]
  asks: readonly string[]
  demands: readonly (readonly string[])[]
}

export const topics = { ...moneyTopics, ...serviceTopics } as Record<TopicKey, Topic>

/** How often an ordinary complainant raises each topic (hardship is decided separately). */
export const topicWeights: Record<TopicKey, number> = {
  double_debit: 6,
  collection_harass: 14,
  interest_high: 10,
  login_issue: 8,
  fee_bundle: 8,
  credit_report: 7,
  hardship: 0,
  repay_fail: 6,
  early_settle: 6,
  limit_cut: 6,
  privacy: 4,
  service: 5,
  coupon: 4,
  not_mine: 2,
}

/** Problems many unrelated consumers write about at once. */
export const commonTopics: readonly TopicKey[] = [
  'double_debit',
  'collection_harass',
  'login_issue',
  'interest_high',
  'coupon',
  'fee_bundle',
]

export const openers = [
  '你好，',
  '您好，',
  '你好，我想投诉一下，',
  '客服你好，',
  '在吗？',
  '我要投诉！',
  '您好，我是{app}的用户，',
  '',
  '',
  '',
]
export const closers = [
  '谢谢。',
  '谢谢！',
  '麻烦了。',
  '请尽快回复。',
  '等你们回复。',
  '急！',
  '',
  '',
  '',
  '希望能尽快解决，谢谢',
]
export const angry = [
  '这是什么平台！',
  '太过分了！',
  '简直欺负人！',
  '你们还讲不讲道理？',
  '我真的很生气。',
  '我已经打了好几次电话了，没人管！',
  '气死我了',
]
export const escalations = [
  '再不处理我就打12378投诉。',
  '不给解决我就去黑猫投诉。',
  '实在不行我只能找银保监了。',
  '我会向监管部门反映。',
  '我要去消协投诉。',
]
export const contexts = [
  '我是{loanDate}在{app}上借的{principal}，一直按时还款。',
  '我用你们的产品一年多了，',
  '我之前一直挺信任你们平台的，',
  '我在你们这借了两笔，',
  '我是老用户了，',
]
export const followUps = [
  '上次反映的问题到现在还没处理，',
  '我{date}已经投诉过了，',
  '之前的工单一直没人回，',
  '再问一下，',
  '第二次反映：',
  '你们说三个工作日回复，现在都一个星期了，',
]
export const floodPrefixes = [
  '再次投诉！',
  '第{n}次投诉了！',
  '还没处理？？？',
  '为什么还不给我解决',
  '我已经投诉{n}次了，',
  '又来了，',
  '还是这个问题，',
]
