// Organisation names: consulting companies behind proxy complaints (with the many ways one
// name gets written), law firms (real and claimed), and the lender the population belongs to.
import type { Rng } from './random.js'

const CITIES: readonly (readonly [string, string])[] = [
  ['深圳', '广东'],
  ['广州', '广东'],
  ['东莞', '广东'],
  ['长沙', '湖南'],
  ['郑州', '河南'],
  ['成都', '四川'],
  ['杭州', '浙江'],
  ['上海', '上海'],
  ['北京', '北京'],
  ['武汉', '湖北'],
  ['合肥', '安徽'],
  ['南昌', '江西'],
  ['西安', '陕西'],
  ['重庆', '重庆'],
  ['南宁', '广西'],
  ['福州', '福建'],
  ['济南', '山东'],
  ['石家庄', '河北'],
  ['昆明', '云南'],
  ['贵阳', '贵州'],
]
const BRAND_CHARS = [
  ...'信和鼎诚汇达正衡安泰明法众天平金盾恒德融通盛长浩然君瑞丰嘉禾华中鑫宏博远启航新久合弘道仁卓锦程佳益鸿隆源昊坤乾泽',
]
const BUSINESSES: readonly (readonly [string, string])[] = [
  ['法务咨询', '法务'],
  ['法律咨询服务', '法律咨询'],
  ['企业管理咨询', '企业管理'],
  ['信息咨询', '咨询'],
  ['商务咨询', '商务'],
  ['金融信息服务', '金服'],
  ['财务咨询', '财务'],
  ['债务咨询', '债务'],
  ['信用管理', '信用管理'],
]

export type OrgNames = { legal: string; variants: string[]; brand: string; city: string }

export function brandName(rng: Rng): string {
  const a = rng.pick(BRAND_CHARS)
  let b = rng.pick(BRAND_CHARS)
  while (b === a) b = rng.pick(BRAND_CHARS)
  return a + b
}

/** 深圳市信和法务咨询有限公司 and the ways staff, clients and letterheads shorten it. */
export function consultingCompany(rng: Rng): OrgNames {
  const [city, province] = rng.pick(CITIES)
  const brand = brandName(rng)
  const [business, short] = rng.pick(BUSINESSES)
  const prefix = province === city ? `${city}市` : rng.chance(0.7) ? `${city}市` : province
  const legal = `${prefix}${brand}${business}有限公司`
  const variants = [
    legal,
    `${brand}${short}`,
    `${brand}${business}(${city})`,
    `${brand}${business}（${city}）有限公司`,
    `${city}${brand}${short}`,
    `${brand}${business}有限公司`,
    `${brand}${short}团队`,
  ]
  return { legal, variants, brand, city }
}

/** A one-room operation: 信和法务工作室, 上岸规划工作室. */
export function studioName(rng: Rng): OrgNames {
  const [city] = rng.pick(CITIES)
  const brand = brandName(rng)
  const kind = rng.pick([
    '法务工作室',
    '债务规划工作室',
    '上岸工作室',
    '协商工作室',
    '法律服务中心',
  ])
  const legal = `${brand}${kind}`
  const variants = [legal, `${city}${brand}${kind}`, `${brand}${kind.slice(0, 2)}`, `${brand}团队`]
  return { legal, variants, brand, city }
}

/** What an anti-collection group calls itself in chats and ads (never on a letterhead). */
export function allianceName(rng: Rng): OrgNames {
  const brand = brandName(rng)
  const legal = rng.pick([
    `${brand}上岸互助群`,
    `${brand}债务互助联盟`,
    `${brand}反催收交流群`,
    `上岸之家${brand}群`,
  ])
  return { legal, variants: [legal, `${brand}群`, `${brand}互助会`], brand, city: '' }
}

/** 北京市鼎诚律师事务所, 广东恒信（深圳）律师事务所. */
export function lawFirmName(rng: Rng): string {
  const [city, province] = rng.pick(CITIES)
  const brand = brandName(rng)
  const u = rng.next()
  if (u < 0.5) return `${province === city ? city + '市' : province}${brand}律师事务所`
  if (u < 0.8) return `${city}${brand}律师事务所`
  return `${province}${brand}（${city}）律师事务所`
}

/** A practising certificate number: 17 digits, region and year inside. */
export function licenceNumber(rng: Rng): string {
  return `1${rng.int(11, 65)}${rng.int(0, 9)}${rng.int(2008, 2024)}1${rng.digits(9)}`.slice(0, 17)
}

export type Lender = { legal: string; short: string; app: string; hotline: string }

const LENDERS: readonly Lender[] = [
  { legal: '安信消费金融有限公司', short: '安信消金', app: '安信借', hotline: '400-820-5566' },
  { legal: '华融易消费金融股份有限公司', short: '华融易', app: '融易花', hotline: '400-616-8899' },
  { legal: '青橙消费金融有限公司', short: '青橙消金', app: '青橙借钱', hotline: '400-100-3636' },
  { legal: '长盈消费金融有限公司', short: '长盈消金', app: '长盈分期', hotline: '400-888-2727' },
]

export function pickLender(rng: Rng): Lender {
  return rng.pick(LENDERS)
}
