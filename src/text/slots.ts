// Replaces the filled-in slots of a letter (who, how much, when, which loan) by placeholders, so
// that two copies of one template compare as the same text. Input is NFKC-normalised text.

/** Placeholders written into masked text; `shingles()` reads each as a single symbol. */
export const SLOT = {
  id: '{ID}',
  phone: '{PHONE}',
  card: '{CARD}',
  number: '{NO}',
  amount: '{AMOUNT}',
  date: '{DATE}',
  time: '{TIME}',
  count: '{NUM}',
  name: '{NAME}',
  product: '{PRODUCT}',
} as const

const CN_DIGIT = '〇零一二两三四五六七八九十'
const CN_MONEY = '零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟'

// Order matters: the most specific patterns run first, the catch-all for numbers last.
const DIGIT_RULES: [RegExp, string][] = [
  [
    /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g,
    SLOT.id,
  ],
  [/(?<![0-9A-Za-z])\d{3,6}\*{4,12}\d{3,4}[\dXx]?(?![0-9A-Za-z])/g, SLOT.number],
  [/(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g, SLOT.phone],
  [/(?<![0-9A-Za-z])(?:0\d{2,3}-\d{7,8}|400-?\d{3}-?\d{4})(?!\d)/g, SLOT.phone],
  [/(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![0-9A-Za-z])/g, SLOT.card],
  [
    /\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*[日号]?|\d{4}\s*年(?:\s*\d{1,2}\s*月份?)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g,
    SLOT.date,
  ],
  [
    /(?:上午|下午|晚上|凌晨|中午)?\d{1,2}:\d{2}(?::\d{2})?|(?:上午|下午|晚上|凌晨|中午)?\d{1,2}\s*[点时](?:\s*\d{1,2}\s*分)?/g,
    SLOT.time,
  ],
  [/(?<![0-9A-Za-z])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{7,}/g, SLOT.number],
  [/(?:人民币|RMB|¥|￥)\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|万|千元|元|块钱|块)?/g, SLOT.amount],
  [/\d[\d,]*(?:\.\d+)?\s*(?:万元|万|千元|元|块钱|块)/g, SLOT.amount],
  [/\d+(?:[.,]\d+)*%?/g, SLOT.count],
]

const HAN_DATE = 0
const HAN_AMOUNT = 1
const HAN_RULES: [RegExp, string][] = [
  [
    new RegExp(
      `[${CN_DIGIT}]{4}年[${CN_DIGIT}]{1,2}月(?:[${CN_DIGIT}]{1,3}[日号])?|[${CN_DIGIT}]{1,2}月[${CN_DIGIT}]{1,3}[日号]`,
      'g',
    ),
    SLOT.date,
  ],
  [new RegExp(`(?:人民币)?[${CN_MONEY}]+(?:元|块钱|块)整?|人民币[${CN_MONEY}]+`, 'g'), SLOT.amount],
]

// Common surnames; a few that double as everyday words after 本人 (于, 向, 将, 申, 家) are left out.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤'
const NAME_CUE = '本人|我叫|我是|名叫|借款人|委托人|受托人|当事人|代理人|客户|持卡人|姓名|户名'
const NAME_END =
  '[\\s,，、。;；:：()（）!！?？]|身份证|证件|手机|电话|联系|于|因|在|向|从|的|是|与|和|已|先生|女士|$'
const NAME_RULE = new RegExp(
  `(${NAME_CUE})(\\s*:?\\s*)(?:欧阳|司马|上官|诸葛|东方|[${SURNAMES}])[\\u4e00-\\u9fa5]{1,2}?(?=${NAME_END})`,
  'g',
)
const PRODUCT_RULE =
  /(在贵司|在贵公司|于贵司|通过|使用|我在)(旗下的?)?([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)(?=APP|App|app|平台|产品|申请|借款|贷款|办理|借了|分期)/g

/** Words that sit where a product name would (在贵司名下借款) but are none. */
const NOT_PRODUCTS = new Set(['贵司', '贵公司', '名下', '旗下', '这个', '你们', '网上', '手机'])

const HAS_DIGIT = /\d/
const CN_DIGIT_CODES = new Set([...CN_DIGIT].map((c) => c.charCodeAt(0)))
const CN_MONEY_CODES = new Set([...CN_MONEY].map((c) => c.charCodeAt(0)))
const [YEAR, MONTH, YUAN, KUAI, BI] = [...'年月元块币'].map((c) => c.charCodeAt(0))
const HAS_NAME_CUE = new RegExp(NAME_CUE)
const HAS_PRODUCT_CUE = /贵司|贵公司|通过|使用|我在/

/** Masks PRC ID numbers, phones, cards, loan numbers, amounts, dates, times, names and products. */
export function maskSlots(text: string): string {
  let out = text
  if (HAS_DIGIT.test(out)) {
    for (const [rule, slot] of DIGIT_RULES) out = out.replace(rule, slot)
  }
  const han = hanNumerals(out)
  for (const kind of [HAN_DATE, HAN_AMOUNT]) {
    const [rule, slot] = HAN_RULES[kind] as [RegExp, string]
    if (han[kind]) out = out.replace(rule, slot)
  }
  if (HAS_NAME_CUE.test(out)) out = out.replace(NAME_RULE, `$1$2${SLOT.name}`)
  if (HAS_PRODUCT_CUE.test(out)) out = out.replace(PRODUCT_RULE, maskProduct)
  return out
}

const hanFound = [false, false]

/** Whether Chinese numerals stand before 年/月 (a date) or 元/块, after 人民币 (an amount): a
 * character scan, several times cheaper than running the two rules on every text. */
function hanNumerals(text: string): boolean[] {
  hanFound[HAN_DATE] = false
  hanFound[HAN_AMOUNT] = false
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const before = text.charCodeAt(i - 1)
    if ((c === YEAR || c === MONTH) && CN_DIGIT_CODES.has(before)) hanFound[HAN_DATE] = true
    else if ((c === YUAN || c === KUAI) && CN_MONEY_CODES.has(before)) hanFound[HAN_AMOUNT] = true
    else if (before === BI && CN_MONEY_CODES.has(c)) hanFound[HAN_AMOUNT] = true
  }
  return hanFound
}

function maskProduct(_match: string, cue: string, owner: string | undefined, name: string): string {
  if (NOT_PRODUCTS.has(name) || name.includes('{')) return _match
  return `${cue}${owner ?? ''}${SLOT.product}`
}
