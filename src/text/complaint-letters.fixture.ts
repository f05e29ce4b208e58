// Test builders: realistic complaint texts — agency template letters filled in for different
// borrowers (with the perturbations agencies apply), and genuine complaints in people's own words.

export type Borrower = {
  name: string
  idNumber: string
  phone: string
  amount: string
  date: string
  laterDate: string
  loanNumber: string
  product: string
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

const NAMES = [
  '张伟',
  '王秀英',
  '李娜',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄丽',
  '周建国',
  '吴敏',
  '徐晓东',
  '孙丽华',
]
const PRODUCTS = ['安逸花', '好期贷', '有钱花', '分期乐', '马上贷', '你我贷', '省呗', '美易借']
const AMOUNTS = [
  '12,345.67元',
  '5万元',
  '人民币3000元',
  '二万元',
  '8,000元',
  '3.5万元',
  '人民币15000元',
  '六千元',
]
const DATES = [
  '2024年3月5日',
  '2023-11-20',
  '2022年7月18日',
  '2023年1月9日',
  '2024-01-02',
  '2021年12月30日',
]

/** A valid 18-digit PRC ID number (GB 11643 checksum). */
export function idNumber(region: string, birth: string, serial: string): string {
  const body = `${region}${birth}${serial}`
  const factors = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = factors.reduce((total, factor, i) => total + factor * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

export function buildBorrower(index: number): Borrower {
  const birth = `19${80 + (index % 19)}0${1 + (index % 9)}1${index % 10}`
  return {
    name: NAMES[index % NAMES.length] as string,
    idNumber: idNumber(
      ['110101', '320106', '440305', '510104'][index % 4] as string,
      birth,
      String(100 + index).slice(-3),
    ),
    phone: `13${index % 10}${String(10000000 + index * 7919).slice(-8)}`,
    amount: AMOUNTS[index % AMOUNTS.length] as string,
    date: DATES[index % DATES.length] as string,
    laterDate: DATES[(index + 3) % DATES.length] as string,
    loanNumber: `JK${2023000 + index}${String(index * 37).padStart(5, '0')}`,
    product: PRODUCTS[index % PRODUCTS.length] as string,
  }
}

export type Template = (b: Borrower) => string[]

export const STOP_INTEREST_LETTER: Template = (b) => [
  `尊敬的贵司领导:本人${b.name},身份证号${b.idNumber},联系电话${b.phone}。`,
  `本人于${b.date}在贵司${b.product}平台申请借款${b.amount},借款合同编号${b.loanNumber}。`,
  '因受经济大环境影响,本人所在公司大规模裁员,本人目前处于失业状态,家中还有年迈的父母和年幼的孩子需要抚养,实在无力按期偿还借款。',
  '本人并非恶意逃废债务,一直在积极想办法筹措资金,但贵司催收人员多次在深夜和凌晨拨打电话,并联系本人的亲友和同事,对本人造成了极大的精神压力。',
  '根据相关法律法规,贵司收取的综合年化利率已超过法定上限,并存在砍头息和变相收取服务费的问题。',
  '现本人郑重提出以下诉求:一、立即停止一切催收行为;二、为本人办理停息挂账,分六十期只还本金;三、全额退还已收取的利息和服务费。',
  '如贵司在七个工作日内不予解决,本人将向金融监管总局、中国人民银行及地方金融监督管理局投诉,并保留向法院起诉的权利。',
  `此致。借款人:${b.name},${b.laterDate}`,
]

export const POWER_OF_ATTORNEY_LETTER: Template = (b) => [
  `关于委托代理处理借款纠纷的告知函。致${b.product}客服部:`,
  `借款人${b.name}(身份证号码:${b.idNumber})已全权委托我方代为处理其在贵司名下借款${b.loanNumber}的一切协商事宜。`,
  `委托期间,请贵司及合作的第三方催收机构勿再联系借款人本人及其家属、同事,相关事宜请与代理人联系,联系电话${b.phone}。`,
  `经我方核查,借款人于${b.date}借款本金${b.amount},贵司实际放款金额与合同约定严重不符,并违规捆绑销售会员权益和保险产品,涉嫌违规放贷。`,
  '我方代表借款人要求贵司:核减违规收取的费用,按实际到手本金重新计算还款计划,并消除借款人在征信系统中的逾期记录。',
  '请贵司于收函后三日内书面回复我方,逾期未回复视为同意上述方案,我方将协助借款人通过12378银行保险消费者投诉热线及媒体渠道维护其合法权益。',
  '特此告知,望贵司高度重视并妥善处理。',
]

export const HOSPITAL_LETTER: Template = (b) => [
  `我是${b.name},在贵司通过${b.product}借了${b.amount},从${b.date}开始逾期。`,
  `我在${b.laterDate}突发脑梗住院治疗,花光了全部积蓄,有县人民医院出具的住院证明和诊断书可以证明。`,
  '现在身体还在恢复期,医生说半年内不能从事体力劳动,没有任何收入来源,每个月还要支付一千多的医药费。',
  '贵司的催收人员不但不体谅,还每天打十几个电话辱骂威胁,说要上门找我的家人和村委会,这是典型的暴力催收。',
  '我请求贵司本着人道主义精神,减免全部罚息和违约金,给我办理个性化分期,每月还款不超过五百元,期限延长至三年。',
  `我的诉求合情合理合法,希望贵司认真对待,如果得不到妥善处理,我只能向银保监会投诉并寻求媒体曝光。联系电话:${b.phone},身份证:${b.idNumber}。`,
]

export type Perturbation = {
  /** Swap these two sentences. */
  reorder?: [number, number]
  /** Leave this sentence out. */
  drop?: number
  /** Write commas and full stops differently. */
  punctuation?: boolean
  /** Replace words: [from, to]. */
  swaps?: [string, string][]
}

/** A template copy for one borrower, perturbed the way agencies vary their letters. */
export function fillLetter(
  template: Template,
  borrower: Borrower,
  change: Perturbation = {},
): string {
  const sentences = template(borrower)
  if (change.reorder) {
    const [i, j] = change.reorder
    ;[sentences[i], sentences[j]] = [sentences[j] as string, sentences[i] as string]
  }
  if (change.drop !== undefined) sentences.splice(change.drop, 1)
  let text = sentences.join('')
  for (const [from, to] of change.swaps ?? []) text = text.replace(from, to)
  if (change.punctuation)
    text = text.replaceAll(',', '，').replaceAll('。', '! ').replaceAll(':', ' ')
  return text.normalize('NFKC')
}

const OPENINGS = ['我的', '我在你们这的', '本人的', '我家里的', '']
const SUBJECTS = [
  '借款',
  '还款',
  '扣款',
  '利息',
  '催收',
  '额度',
  '账单',
  '分期',
  '提前还款',
  '自动扣款',
]
const ISSUES = [
  '为什么多扣款了',
  '扣了两次钱',
  '利息太高了',
  '催收电话太多了',
  '一直打我家人电话',
  '还款了显示没还上',
  '账单金额不对',
  '提前还款还要收手续费',
  '额度突然被降了',
  '逾期一天就上征信',
  '客服电话一直打不通',
  '没借钱却收到账单',
]
const ENDINGS = [
  '请尽快处理',
  '希望给个说法',
  '麻烦核实一下',
  '请给我退款',
  '谢谢',
  '太不合理了',
  '',
]

/** A short complaint from stock phrases, the way many unrelated customers write. */
export function shortGenuineComplaint(random: () => number): string {
  const parts = [
    pick(random, OPENINGS) + pick(random, SUBJECTS),
    pick(random, ISSUES),
    pick(random, ENDINGS),
  ]
  return parts.filter(Boolean).join(',')
}

/** A longer complaint still made of stock phrases: three issues and a closing. */
export function mediumGenuineComplaint(random: () => number): string {
  const issues = [pick(random, ISSUES), pick(random, ISSUES), pick(random, ISSUES)]
  return [pick(random, OPENINGS) + pick(random, SUBJECTS), ...issues, pick(random, ENDINGS)]
    .filter(Boolean)
    .join(',')
}

/** Long genuine letters about common problems, each in its writer's own words. */
export const GENUINE_LETTERS: string[] = [
  '你好,我上个月15号已经通过银行卡把这期的钱还上了,银行那边显示扣款成功,可是你们APP里还是显示我逾期,今天又有人打电话催我还钱。我工作一直很稳定,从来没有逾期过,这个记录要是上了征信我以后买房怎么办?麻烦你们查一下到底是哪里出了问题,把逾期记录改过来。',
  '我想反映一下催收的问题。我确实晚还了几天,因为这个月工资发晚了,我也跟客服说过了会在25号之前还上。但是从前天开始每天都有不同的号码打过来,说话很难听,还给我单位的同事打电话,我现在在单位抬不起头。我不是不还,只是希望你们能按规矩来,别再打扰我同事了。',
  '我去年在你们平台借了两万块钱装修房子,分了十二期。最近我算了一下,发现每个月还的钱加起来比合同上写的多了好几百,客服说是什么会员费和保险费,可是我从来没有同意过买这些东西,也不知道什么时候开通的。我要求你们把这些我没同意的费用退给我。',
  '今天早上我收到短信说我的额度从三万降到了五千,我一直按时还款,没有任何不良记录,为什么突然降额度?我下个月还打算用这笔钱交孩子的学费,现在全乱了。希望你们能给个合理的解释,要是系统搞错了请尽快恢复。',
  '我父亲今年六十多岁了,不会用智能手机,可是最近一直接到你们公司的催款电话,说我弟弟欠钱没还,让他替我弟弟还钱。我弟弟的事情我们家里人根本不知道,老人被吓得血压都高了。请你们以后不要再打给我父亲,有事直接找借钱的本人。',
]
