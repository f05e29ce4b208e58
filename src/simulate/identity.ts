// Identity documents and contact details in their real formats: GB 11643 ID numbers (with a
// few typos), Chinese mobiles and landlines in the many ways they are written, addresses,
// e-mail and WeChat ids.
import type { Sex } from './names.js'
import type { Rng } from './random.js'
import { weightTable } from './random.js'

import { idCheckDigit } from '../normalize/index.js'

/** GB 11643's check character: the normaliser's own rule, so generated IDs validate by it. */
export const idCheckChar = idCheckDigit
/** Every character a check digit can be. */
const CHECK = '10X98765432'

// [county code, place (province city district), weight ~ population of the region's migrants]
const REGIONS: readonly (readonly [string, string, number])[] = [
  ['440305', '广东省深圳市南山区', 3],
  ['440106', '广东省广州市天河区', 3],
  ['441302', '广东省惠州市惠城区', 2],
  ['440803', '广东省湛江市霞山区', 2],
  ['445202', '广东省揭阳市榕城区', 2],
  ['410105', '河南省郑州市金水区', 3],
  ['411323', '河南省南阳市淅川县', 2],
  ['412726', '河南省周口市郸城县', 2],
  ['370102', '山东省济南市历下区', 2],
  ['371302', '山东省临沂市兰山区', 2],
  ['510104', '四川省成都市锦江区', 3],
  ['511321', '四川省南充市南部县', 2],
  ['320102', '江苏省南京市玄武区', 2],
  ['320311', '江苏省徐州市泉山区', 2],
  ['130102', '河北省石家庄市长安区', 2],
  ['130682', '河北省保定市定州市', 1],
  ['430104', '湖南省长沙市岳麓区', 2],
  ['431102', '湖南省永州市零陵区', 2],
  ['340104', '安徽省合肥市蜀山区', 2],
  ['341621', '安徽省亳州市涡阳县', 2],
  ['420106', '湖北省武汉市武昌区', 2],
  ['421002', '湖北省荆州市沙市区', 1],
  ['330106', '浙江省杭州市西湖区', 2],
  ['330302', '浙江省温州市鹿城区', 1],
  ['450103', '广西壮族自治区南宁市青秀区', 2],
  ['452601', '广西壮族自治区百色市右江区', 1],
  ['360102', '江西省南昌市东湖区', 2],
  ['362101', '江西省赣州市章贡区', 1],
  ['350203', '福建省厦门市思明区', 1],
  ['350322', '福建省莆田市仙游县', 1],
  ['500103', '重庆市渝中区', 2],
  ['500235', '重庆市云阳县', 1],
  ['520102', '贵州省贵阳市南明区', 1],
  ['530102', '云南省昆明市五华区', 1],
  ['610113', '陕西省西安市雁塔区', 1],
  ['620102', '甘肃省兰州市城关区', 1],
  ['140105', '山西省太原市小店区', 1],
  ['210102', '辽宁省沈阳市和平区', 1],
  ['220102', '吉林省长春市南关区', 1],
  ['230102', '黑龙江省哈尔滨市道里区', 1],
  ['310104', '上海市徐汇区', 1],
  ['110105', '北京市朝阳区', 1],
  ['120103', '天津市河西区', 1],
  ['150102', '内蒙古自治区呼和浩特市新城区', 1],
  ['460105', '海南省海口市秀英区', 1],
]
const regionTable = weightTable(REGIONS.map((r) => [r, r[2]] as const))

export type Region = { code: string; place: string }

export function region(rng: Rng): Region {
  const [code, place] = rng.fromTable(regionTable)
  return { code, place }
}

/** A valid 18-digit ID number for a person born `age` years before `atMs`. */
export function idNumber(rng: Rng, home: Region, sex: Sex, birthMs: number): string {
  const d = new Date(birthMs + 8 * 3_600_000)
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
  const seq =
    rng.int(0, 99) * 10 + (sex === 'M' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]))
  const first17 = home.code + ymd + String(seq).padStart(3, '0')
  return first17 + idCheckChar(first17)
}

/** The ways a valid number gets mistyped on a form: wrong last digit, swapped or lost digit. */
export function typoIdNumber(rng: Rng, id: string): string {
  const u = rng.next()
  if (u < 0.45) {
    const wrong = CHECK.replace(id.charAt(17), '')
    return id.slice(0, 17) + wrong.charAt(rng.int(0, wrong.length - 1))
  }
  if (u < 0.8) {
    const at = rng.int(6, 15)
    const swapped = id.slice(0, at) + id.charAt(at + 1) + id.charAt(at) + id.slice(at + 2)
    return swapped === id ? id.slice(0, 17) + (id.charAt(17) === '1' ? '2' : '1') : swapped
  }
  const drop = rng.int(0, 16)
  return id.slice(0, drop) + id.slice(drop + 1)
}

/** What a caller reads out or a form shows: full, or the masked form many people type. */
export function maskedId(id: string): string {
  return id.slice(0, 6) + '********' + id.slice(14)
}

// Three-digit mobile prefixes with rough market weights; 162/165/167/170/171 are virtual carriers.
const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'].map(
    (p) => [p, 6] as const,
  ),
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'].map((p) => [p, 5] as const),
  ...['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'].map(
    (p) => [p, 5] as const,
  ),
  ...['173', '175', '176', '177', '178', '166', '147', '191', '193', '195', '198', '199'].map(
    (p) => [p, 2] as const,
  ),
  ...['170', '171', '162', '165', '167'].map((p) => [p, 0.5] as const),
]
const mobileTable = weightTable(MOBILE_PREFIXES)
const VIRTUAL = ['170', '171', '162', '165', '167']

/** A Chinese mobile, 11 digits; `virtualShare` raises the odds of a virtual-carrier number. */
export function mobile(rng: Rng, virtualShare = 0): string {
  const prefix = rng.chance(virtualShare) ? rng.pick(VIRTUAL) : rng.fromTable(mobileTable)
  return prefix + rng.digits(8)
}

const AREA_CODES = [
  '010',
  '020',
  '021',
  '0755',
  '0731',
  '0371',
  '028',
  '0571',
  '027',
  '0551',
  '0791',
  '029',
  '0769',
]

/** A fixed line: 0755-86123456 / 010-62345678. */
export function landline(rng: Rng): string {
  const area = rng.pick(AREA_CODES)
  const length = area.length === 3 ? 8 : rng.chance(0.8) ? 8 : 7
  return `${area}-${rng.int(2, 8)}${rng.digits(length - 1)}`
}

export type PhoneStyle = 'typed' | 'system'

/** How a phone appears in a record: `typed` by a person (spec forms), `system` by a switch. */
export function writePhone(rng: Rng, phone: string, style: PhoneStyle): string {
  if (!/^1\d{10}$/.test(phone)) return phone
  const u = rng.next()
  if (style === 'system') return u < 0.88 ? phone : u < 0.96 ? '+86' + phone : '86' + phone
  if (u < 0.62) return phone
  if (u < 0.74) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`
  if (u < 0.82) return '+86-' + phone
  if (u < 0.87) return '0086' + phone
  if (u < 0.91) return `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`
  if (u < 0.97) return `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`
  return '+86' + phone
}

const ROADS = [
  '人民',
  '建设',
  '解放',
  '中山',
  '和平',
  '新华',
  '胜利',
  '文化',
  '青年',
  '朝阳',
  '幸福',
  '长江',
  '黄河',
  '滨江',
  '东风',
  '光明',
  '振兴',
  '迎宾',
]
const ESTATES = [
  '阳光花园',
  '锦绣家园',
  '幸福小区',
  '翠苑',
  '金色华庭',
  '碧桂园',
  '万科城',
  '东方明珠苑',
  '新村',
  '城中村',
  '安居小区',
  '丽景湾',
]

export function address(rng: Rng, home: Region): string {
  const road = `${rng.pick(ROADS)}${rng.pick(['路', '街', '大道', '东路', '西路', '北路'])}${rng.int(1, 488)}号`
  if (rng.chance(0.12))
    return `${home.place}${rng.pick(['城关镇', '新兴镇', '白云乡', '河口镇'])}${rng.pick(['东', '西', '南', '北', '前', '后'])}${rng.pick(['庄', '村', '湾', '屯'])}${rng.int(1, 12)}组${rng.int(1, 80)}号`
  const estate = rng.chance(0.7)
    ? `${rng.pick(ESTATES)}${rng.int(1, 30)}栋${rng.int(1, 32)}0${rng.int(1, 6)}室`
    : ''
  return `${home.place}${road}${estate}`
}

const MAIL_DOMAINS = [
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
  'outlook.com',
  '139.com',
]

export function personalEmail(rng: Rng, pinyin: string): string {
  const domain = rng.pick(MAIL_DOMAINS)
  if (domain === 'qq.com' && rng.chance(0.7))
    return `${rng.int(1, 9)}${rng.digits(rng.int(7, 9))}@qq.com`
  const tail = rng.chance(0.5) ? rng.digits(rng.int(2, 6)) : rng.pick(['', '_', '.']) + rng.hex(3)
  return `${pinyin}${rng.pick(['', 'xiao', 'a', 'x', 'jun', 'li', 'hui'])}${tail}@${domain}`
}

function base36(rng: Rng, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += rng.int(0, 35).toString(36)
  return out
}

const WECHAT_WORDS = [
  'shangan',
  'fawu',
  'xieshang',
  'youhua',
  'tingxi',
  'bangmang',
  'kefu',
  'lvshi',
  'xin',
  'an',
  'le',
  'hao',
  'sun',
  'moon',
  'tiger',
  'lucky',
  'abc',
  'vip',
  'jia',
  'yi',
]

/** A WeChat id: a system `wxid_` or a chosen one (letters first, 6-20 characters). */
export function wechatId(rng: Rng): string {
  if (rng.chance(0.35)) return 'wxid_' + base36(rng, 14)
  const base = rng.pick(WECHAT_WORDS) + rng.pick(['', '_', '-']) + rng.pick(WECHAT_WORDS)
  return (base + rng.digits(rng.int(0, 4))).slice(0, 20).padEnd(6, '8')
}
