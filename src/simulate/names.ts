// Chinese personal names with roughly real surname frequencies (per cent of the population),
// given names by sex, and the small misspellings a stranger makes when posing as someone.
import type { Rng } from './random.js'
import { weightTable } from './random.js'

// [surname, pinyin, per cent]
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 7.12],
  ['李', 'li', 7.0],
  ['张', 'zhang', 6.74],
  ['刘', 'liu', 5.38],
  ['陈', 'chen', 4.53],
  ['杨', 'yang', 3.08],
  ['黄', 'huang', 2.5],
  ['赵', 'zhao', 2.29],
  ['吴', 'wu', 2.05],
  ['周', 'zhou', 1.95],
  ['徐', 'xu', 1.75],
  ['孙', 'sun', 1.56],
  ['马', 'ma', 1.48],
  ['朱', 'zhu', 1.4],
  ['胡', 'hu', 1.32],
  ['郭', 'guo', 1.19],
  ['何', 'he', 1.18],
  ['林', 'lin', 1.13],
  ['高', 'gao', 1.09],
  ['罗', 'luo', 0.95],
  ['郑', 'zheng', 0.87],
  ['梁', 'liang', 0.84],
  ['谢', 'xie', 0.73],
  ['宋', 'song', 0.69],
  ['唐', 'tang', 0.65],
  ['许', 'xu', 0.64],
  ['韩', 'han', 0.62],
  ['邓', 'deng', 0.61],
  ['冯', 'feng', 0.61],
  ['曹', 'cao', 0.59],
  ['彭', 'peng', 0.57],
  ['曾', 'zeng', 0.55],
  ['肖', 'xiao', 0.54],
  ['田', 'tian', 0.52],
  ['董', 'dong', 0.49],
  ['潘', 'pan', 0.47],
  ['袁', 'yuan', 0.47],
  ['蔡', 'cai', 0.45],
  ['蒋', 'jiang', 0.44],
  ['余', 'yu', 0.43],
  ['于', 'yu', 0.43],
  ['杜', 'du', 0.42],
  ['叶', 'ye', 0.42],
  ['程', 'cheng', 0.4],
  ['魏', 'wei', 0.38],
  ['苏', 'su', 0.38],
  ['吕', 'lv', 0.37],
  ['丁', 'ding', 0.36],
  ['任', 'ren', 0.35],
  ['卢', 'lu', 0.34],
  ['姚', 'yao', 0.34],
  ['沈', 'shen', 0.34],
  ['钟', 'zhong', 0.32],
  ['姜', 'jiang', 0.32],
  ['崔', 'cui', 0.31],
  ['谭', 'tan', 0.31],
  ['陆', 'lu', 0.3],
  ['范', 'fan', 0.29],
  ['汪', 'wang', 0.29],
  ['廖', 'liao', 0.28],
  ['石', 'shi', 0.28],
  ['金', 'jin', 0.27],
  ['韦', 'wei', 0.27],
  ['贾', 'jia', 0.26],
  ['夏', 'xia', 0.25],
  ['付', 'fu', 0.25],
  ['方', 'fang', 0.25],
  ['邹', 'zou', 0.24],
  ['熊', 'xiong', 0.24],
  ['白', 'bai', 0.24],
  ['孟', 'meng', 0.23],
  ['秦', 'qin', 0.23],
  ['邱', 'qiu', 0.23],
  ['侯', 'hou', 0.22],
  ['江', 'jiang', 0.22],
  ['尹', 'yin', 0.21],
  ['薛', 'xue', 0.21],
  ['闫', 'yan', 0.21],
  ['段', 'duan', 0.2],
  ['雷', 'lei', 0.2],
  ['龙', 'long', 0.19],
  ['黎', 'li', 0.19],
  ['史', 'shi', 0.19],
  ['陶', 'tao', 0.18],
  ['贺', 'he', 0.18],
  ['毛', 'mao', 0.17],
  ['郝', 'hao', 0.17],
  ['顾', 'gu', 0.17],
  ['龚', 'gong', 0.16],
  ['邵', 'shao', 0.16],
  ['万', 'wan', 0.16],
  ['覃', 'qin', 0.15],
  ['武', 'wu', 0.15],
  ['钱', 'qian', 0.15],
  ['戴', 'dai', 0.15],
  ['严', 'yan', 0.14],
  ['莫', 'mo', 0.14],
  ['孔', 'kong', 0.14],
  ['向', 'xiang', 0.13],
  ['常', 'chang', 0.13],
  ['汤', 'tang', 0.13],
  ['康', 'kang', 0.13],
  ['易', 'yi', 0.12],
  ['乔', 'qiao', 0.12],
  ['赖', 'lai', 0.12],
  ['文', 'wen', 0.12],
  ['施', 'shi', 0.11],
  ['洪', 'hong', 0.11],
  ['欧阳', 'ouyang', 0.05],
  ['司马', 'sima', 0.01],
  ['上官', 'shangguan', 0.01],
  ['诸葛', 'zhuge', 0.01],
  ['皇甫', 'huangfu', 0.01],
]

const surnameTable = weightTable(SURNAMES.map((s) => [s, s[2]] as const))

const MALE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳亮成峰']
const FEMALE = [
  ...'芳娜敏静丽艳娟霞秀燕玲桂丹萍红玉兰婷雪琳慧颖倩洁晶妍佳欣怡梦瑶蕾莉媛薇雅婧彤璐琪涵',
]
// First and second characters of two-character given names, as parents combine them.
const MALE_FIRST = [...'子浩宇俊志建文明国海永晓家嘉振思泽天新德春金红伟立少一博睿鹏云宏世俊长雨']
const MALE_SECOND = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳亮成峰轩然豪东生文',
]
const FEMALE_FIRST = [...'丽秀晓佳欣雨梦思美婷雅静玉春海小慧颖嘉子诗梓紫雪艳翠桂金红淑晶丹']
const FEMALE_SECOND = [
  ...'芳娜敏静丽艳娟霞燕玲丹萍红兰婷雪琳慧颖倩洁晶妍怡瑶蕾月莉媛薇雅婧彤璐涵琪欣英梅凤琴云',
]
const CLASSIC_MALE = [
  '建国',
  '志强',
  '建华',
  '国强',
  '海涛',
  '志刚',
  '建军',
  '永刚',
  '文斌',
  '俊杰',
]
const CLASSIC_FEMALE = [
  '秀英',
  '桂英',
  '丽娟',
  '秀兰',
  '玉兰',
  '春梅',
  '海燕',
  '丽华',
  '秀珍',
  '雪梅',
]

export type Sex = 'M' | 'F'
export type PersonName = { name: string; surname: string; pinyin: string; sex: Sex }

export function personName(rng: Rng, sex: Sex = rng.chance(0.53) ? 'M' : 'F'): PersonName {
  const [surname, pinyin] = rng.fromTable(surnameTable)
  const pool = sex === 'M' ? MALE : FEMALE
  let given: string
  const u = rng.next()
  if (u < 0.18) given = rng.pick(pool)
  else if (u < 0.24) given = rng.pick(sex === 'M' ? CLASSIC_MALE : CLASSIC_FEMALE)
  else given = twoCharacters(rng, sex)
  return { name: surname + given, surname, pinyin, sex }
}

function twoCharacters(rng: Rng, sex: Sex): string {
  const first = rng.pick(sex === 'M' ? MALE_FIRST : FEMALE_FIRST)
  let second = rng.pick(sex === 'M' ? MALE_SECOND : FEMALE_SECOND)
  while (second === first) second = rng.pick(sex === 'M' ? MALE_SECOND : FEMALE_SECOND)
  return first + second
}

// Characters a caller misreads or mistypes when the name is not their own.
const HOMOPHONES: Record<string, string> = {
  伟: '玮',
  芳: '方',
  静: '婧',
  丽: '莉',
  敏: '民',
  军: '君',
  杰: '洁',
  涛: '韬',
  明: '铭',
  华: '桦',
  磊: '蕾',
  强: '祥',
  娜: '纳',
  燕: '艳',
  玲: '琳',
  霞: '侠',
  峰: '锋',
  俊: '骏',
  辉: '晖',
  鹏: '朋',
  宇: '雨',
  浩: '昊',
  婷: '亭',
  雪: '学',
  慧: '惠',
  颖: '莹',
  红: '宏',
  平: '萍',
  斌: '彬',
  刚: '钢',
  亮: '良',
  倩: '茜',
  晶: '京',
  佳: '家',
  欣: '馨',
  怡: '宜',
}

/** A near miss of `name`: one homophone, a dropped character, or "surname + 先生/女士". */
export function nameVariant(rng: Rng, person: PersonName): string {
  const u = rng.next()
  if (u < 0.25) return person.surname + (person.sex === 'M' ? '先生' : '女士')
  const chars = [...person.name]
  const at = chars.findIndex((c, i) => i >= person.surname.length && HOMOPHONES[c] !== undefined)
  if (at >= 0 && u < 0.85) {
    chars[at] = HOMOPHONES[chars[at] as string] ?? chars[at] ?? ''
    return chars.join('')
  }
  if (chars.length >= 3) return chars.slice(0, -1).join('')
  return person.name
}

/** What a stranger calls the person: 张先生, 李女士, 小王. */
export function politeName(rng: Rng, person: PersonName): string {
  if (rng.chance(0.15)) return '小' + person.surname
  return person.surname + (person.sex === 'M' ? '先生' : '女士')
}

/** An alias an agency worker gives: 李经理, 王律师, 小陈, 张助理. */
export function aliasName(rng: Rng, title?: string): string {
  const { surname, name } = personName(rng)
  const u = rng.next()
  if (title !== undefined) return surname + title
  if (u < 0.3) return name
  if (u < 0.5) return '小' + surname
  return surname + rng.pick(['经理', '主任', '老师', '助理', '专员', '顾问'])
}
