// The envelope each channel puts around a message: regulator forwards, heimao and message-board
// posts, ticket forms, e-mails. Every sender's message goes through the same envelope.
import { compactDate } from './clock.js'
import type { Lender } from './organizations.js'
import type { Rng } from './random.js'
import { thirdPerson } from './slots.js'

export type RegulatorSource = '12378' | '12363'

export function regulatorRef(rng: Rng, source: RegulatorSource, atMs: number): string {
  const day = compactDate(atMs)
  return source === '12378' ? `12378-${day}-${rng.digits(6)}` : `RH${day}${rng.digits(7)}`
}

const OFFICES = [
  '国家金融监督管理总局广东监管局',
  '国家金融监督管理总局深圳监管局',
  '国家金融监督管理总局北京监管局',
  '国家金融监督管理总局四川监管局',
  '国家金融监督管理总局河南监管局',
  '国家金融监督管理总局湖南监管局',
]

/** `summary` is the gist a regulator's hotline clerk writes down (first person, the clerk turns it). */
export type Envelope = {
  name: string
  body: string
  summary: string
  demands: string[]
  issue: string
  amount: string
}

/** Ends a clause with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim()
  return t === '' || /[。！？!?；，]$/.test(t) ? t : `${t}。`
}

/** A regulator forward: the hotline's summary of a call, or the complainant's own online text. */
export function regulatorText(rng: Rng, source: RegulatorSource, e: Envelope): string {
  const asks = e.demands.length > 0 ? e.demands.join('、') : '要求妥善处理'
  const office = source === '12363' ? '中国人民银行征信投诉转办' : `${rng.pick(OFFICES)}转办`
  if (rng.chance(0.55)) {
    const who = rng.chance(0.7) ? `消费者${e.name}` : '消费者'
    return `【${office}】${who}来电反映：${sentence(thirdPerson(e.summary))}诉求：${asks}。`
  }
  return `【${office}】\n投诉内容：${e.body}\n投诉诉求：${asks}`
}

export type SocialSource = 'heimao' | 'people_board'

/** A public post as the lender's monitoring picks it up. */
export function socialText(rng: Rng, source: SocialSource, lender: Lender, e: Envelope): string {
  const asks = e.demands.length > 0 ? e.demands.join('、') : '妥善处理'
  if (source === 'heimao') {
    const amount = rng.chance(0.7) ? `\n【涉诉金额】${e.amount}` : ''
    return `【投诉编号】17${rng.digits(9)}\n【投诉对象】${lender.short}\n【投诉问题】${e.issue}\n【投诉要求】${asks}${amount}\n${e.body}`
  }
  const title = rng.pick([
    `关于${lender.legal}${e.issue}的问题`,
    `${lender.short}${e.issue}，求领导帮忙`,
    `反映${lender.short}${e.issue}`,
  ])
  return `标题：${title}\n${e.body}`
}

/** A web ticket: a form with a category and a description, or just the description. */
export function ticketText(rng: Rng, e: Envelope): string {
  if (rng.chance(0.45)) return e.body
  return `问题类型：${e.issue}\n问题描述：${e.body}`
}

export function emailText(rng: Rng, lender: Lender, e: Envelope): string {
  const subject = rng.pick([
    `关于${e.issue}的投诉`,
    `${e.name}投诉`,
    e.issue,
    `投诉-${lender.short}`,
    '（无主题）',
  ])
  return `主题：${subject}\n${e.body}`
}
