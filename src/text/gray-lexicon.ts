// Tell-tale phrases of proxy-complaint agencies, as data. Weights are in (0, 1]: how much a
// phrase, on its own, points at an agency rather than at a consumer writing for themselves.
// Phrases genuine consumers use every day (协商还款, 延期还款, 暴力催收, 起诉, 报警) weigh little.

export type GrayCategory = 'demand' | 'agency' | 'threat' | 'legal' | 'hardship'

export type GrayPhrase = {
  phrase: string
  category: GrayCategory
  weight: number
  /** Other spellings that count as this phrase. */
  variants?: string[]
  /** Not counted right after these words (贵司法务 is the lender's own legal team). */
  notAfter?: string[]
  /** Not counted right before these characters (起诉书: the lender is suing). */
  notBefore?: string[]
}

const demands: GrayPhrase[] = [
  {
    phrase: '停息挂账',
    category: 'demand',
    weight: 0.5,
    variants: ['停息挂帐', '停息分期', '停催停息'],
  },
  {
    phrase: '只还本金',
    category: 'demand',
    weight: 0.45,
    variants: ['仅还本金', '只还本', '只偿还本金'],
  },
  {
    phrase: '全额退息',
    category: 'demand',
    weight: 0.5,
    variants: ['全额退还利息', '退还全部利息', '全额退还'],
  },
  {
    phrase: '减免利息',
    category: 'demand',
    weight: 0.25,
    variants: ['免除利息', '减免罚息', '减免全部罚息'],
  },
  {
    phrase: '退还利息',
    category: 'demand',
    weight: 0.3,
    variants: ['退回利息', '退还已收取的利息'],
  },
  {
    phrase: '退还服务费',
    category: 'demand',
    weight: 0.35,
    variants: ['退还会员费', '退还担保费', '退还保险费', '退还权益费'],
  },
  {
    phrase: '退还费用',
    category: 'demand',
    weight: 0.2,
    variants: ['核减违规收取的费用', '退还违规收取的费用'],
  },
  {
    phrase: '征信修复',
    category: 'demand',
    weight: 0.5,
    variants: ['修复征信', '征信洗白', '洗白征信'],
  },
  {
    phrase: '删除征信',
    category: 'demand',
    weight: 0.45,
    variants: ['删除不良征信', '删除征信记录', '撤销征信上报'],
  },
  {
    phrase: '消除逾期记录',
    category: 'demand',
    weight: 0.4,
    variants: ['消除不良记录', '撤销逾期记录', '删除逾期记录', '消除在征信系统中的逾期记录'],
  },
  {
    phrase: '个性化分期',
    category: 'demand',
    weight: 0.3,
    variants: ['个性化分期还款', '个性化还款方案'],
  },
  { phrase: '停止催收', category: 'demand', weight: 0.08, variants: ['停止一切催收'] },
  { phrase: '延期还款', category: 'demand', weight: 0.1, variants: ['推迟还款', '延长还款期限'] },
  { phrase: '协商还款', category: 'demand', weight: 0.03, variants: ['协商分期', '协商一下还款'] },
]

const agencyTells: GrayPhrase[] = [
  { phrase: '全权委托', category: 'agency', weight: 0.6, variants: ['全权代理', '特别授权代理'] },
  {
    phrase: '勿再联系借款人本人',
    category: 'agency',
    weight: 0.7,
    variants: ['勿再联系借款人', '请勿联系借款人本人', '不得联系借款人本人', '勿再联系本人'],
  },
  {
    phrase: '请与代理人联系',
    category: 'agency',
    weight: 0.7,
    variants: ['请联系代理人', '与代理人联系', '请与我方联系', '直接联系我方'],
  },
  {
    phrase: '不要联系我本人',
    category: 'agency',
    weight: 0.55,
    variants: ['不要再联系我本人', '别联系我本人', '不要直接联系我'],
  },
  { phrase: '代理人', category: 'agency', weight: 0.45, variants: ['委托代理人', '代理机构'] },
  { phrase: '委托人', category: 'agency', weight: 0.35 },
  { phrase: '已委托', category: 'agency', weight: 0.35, variants: ['已经委托', '已委托第三方'] },
  {
    phrase: '法务',
    category: 'agency',
    weight: 0.3,
    variants: ['法务团队', '法务公司', '债务法务'],
  },
  {
    phrase: '债务优化',
    category: 'agency',
    weight: 0.6,
    variants: ['债务重组', '债务规划', '优化债务'],
  },
  { phrase: '反催收', category: 'agency', weight: 0.6, variants: ['反催收联盟', '防催收'] },
]

const threats: GrayPhrase[] = [
  {
    phrase: '向银保监会投诉',
    category: 'threat',
    weight: 0.25,
    variants: ['投诉到银保监会', '向银保监投诉', '向银保监会反映', '向银保监会举报'],
  },
  {
    phrase: '向金融监管总局投诉',
    category: 'threat',
    weight: 0.25,
    variants: [
      '向金融监管总局',
      '投诉到金融监管总局',
      '向国家金融监督管理总局投诉',
      '向金融监管局投诉',
    ],
  },
  { phrase: '12378', category: 'threat', weight: 0.25, variants: ['银行保险消费者投诉热线'] },
  {
    phrase: '人民银行',
    category: 'threat',
    weight: 0.15,
    variants: ['向人行投诉', '向央行投诉', '中国人民银行'],
  },
  {
    phrase: '媒体曝光',
    category: 'threat',
    weight: 0.3,
    variants: ['曝光到媒体', '找媒体曝光', '媒体渠道', '网络曝光'],
  },
  {
    phrase: '集体投诉',
    category: 'threat',
    weight: 0.4,
    variants: ['联合投诉', '集体起诉', '集体维权'],
  },
  {
    phrase: '起诉',
    category: 'threat',
    weight: 0.15,
    variants: ['向法院起诉', '提起诉讼'],
    notBefore: ['书', '状'],
  },
  { phrase: '报警', category: 'threat', weight: 0.15, variants: ['向公安机关报案', '报案'] },
  { phrase: '暴力催收', category: 'threat', weight: 0.08, variants: ['恶意催收', '软暴力催收'] },
]

const legalJargon: GrayPhrase[] = [
  { phrase: '砍头息', category: 'legal', weight: 0.2, variants: ['砍头费'] },
  { phrase: '高利贷', category: 'legal', weight: 0.15 },
  {
    phrase: '超过法定利率',
    category: 'legal',
    weight: 0.25,
    variants: [
      '超过法定上限',
      '超出法定利率',
      '超过法律保护上限',
      '超过LPR四倍',
      '超过lpr四倍',
      '超过24%',
    ],
  },
  { phrase: '违规放贷', category: 'legal', weight: 0.25, variants: ['非法放贷', '违法放贷'] },
  { phrase: '无效合同', category: 'legal', weight: 0.25, variants: ['合同无效', '合同条款无效'] },
  { phrase: '格式条款', category: 'legal', weight: 0.3, variants: ['霸王条款'] },
]

const hardshipCertificates: GrayPhrase[] = [
  { phrase: '失业证明', category: 'hardship', weight: 0.3, variants: ['离职证明', '失业登记证'] },
  {
    phrase: '贫困证明',
    category: 'hardship',
    weight: 0.35,
    variants: ['困难证明', '低保证明', '家庭困难证明'],
  },
  {
    phrase: '住院证明',
    category: 'hardship',
    weight: 0.25,
    variants: ['诊断证明', '病历证明', '出院小结'],
  },
]

export const GRAY_LEXICON: readonly GrayPhrase[] = [
  ...demands,
  ...agencyTells,
  ...threats,
  ...legalJargon,
  ...hardshipCertificates,
]
