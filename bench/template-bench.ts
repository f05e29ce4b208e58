// Template detection at scale: N generated complaint texts (~30% copies of 200 agency templates
// with filled slots and perturbations, ~70% genuine complaints from varied phrase pools), timing
// add() and clusters(), peak RSS, and clustering quality against the generator's truth.
// Run: npx tsx bench/template-bench.ts [N]   (default 1,000,000)
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { TemplateIndex, type TemplateCluster } from '../src/text/index.js'

type Random = () => number
type Doc = { docId: string; groupId: string; text: string; template: number }

const N = Number(process.argv[2] ?? 1_000_000)
const TEMPLATES = 200
const TEMPLATE_SHARE = 0.3
const BATCH = 10_000
const QUERIES = 200

function seeded(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T
const pickN = (random: Random, items: string[], n: number) =>
  [...items].sort(() => random() - 0.5).slice(0, n)
const int = (random: Random, from: number, to: number) => from + Math.floor(random() * (to - from))
const digits = (random: Random, n: number) =>
  Array.from({ length: n }, () => int(random, 0, 10)).join('')
/** A phrase pool written as whitespace-separated phrases; `_` stands for an empty phrase. */
const words = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((w) => (w === '_' ? '' : w))

// ---- slots ---------------------------------------------------------------------------------
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡',
]
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅飞鹏辉']
const PRODUCTS = words(`安逸花 好期贷 有钱花 分期乐 马上贷 你我贷 省呗 美易借 小赢卡贷 拍拍贷
  360借条 借呗 微粒贷 京东金条`)

function slots(random: Random): Record<string, string> {
  const year = int(random, 2021, 2025)
  const date = () =>
    random() < 0.5
      ? `${year}年${int(random, 1, 13)}月${int(random, 1, 29)}日`
      : `${year}-0${int(random, 1, 10)}-1${int(random, 0, 10)}`
  const amount = pick(random, [
    () => `${int(random, 10, 100)},${digits(random, 3)}.${digits(random, 2)}元`,
    () => `${int(random, 1, 21)}万元`,
    () => `人民币${int(random, 1000, 51000)}元`,
    () => `${pick(random, [...'一二三五八'])}万元`,
  ])()
  const region = pick(random, words('110101 320106 440305 510104 420102'))
  return {
    name:
      pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.5 ? pick(random, GIVEN) : ''),
    id: `${region}19${int(random, 70, 100)}0${int(random, 1, 10)}1${digits(random, 4)}${pick(random, [...'15X'])}`,
    phone: `1${pick(random, words('38 39 58 86 77 51'))}${digits(random, 8)}`,
    amount,
    date: date(),
    date2: date(),
    loan: `${pick(random, words('JK HT LN _'))}${year}${digits(random, 9)}`,
    product: pick(random, PRODUCTS),
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/<(\w+)>/g, (_, key: string) => values[key] ?? '')
}

// ---- agency templates ----------------------------------------------------------------------
const F = {
  org: words('贵司 贵公司 贵平台 贵机构'),
  cause: words(`因受疫情影响 由于所在单位经营困难 因本人突发重病 由于家人长期住院 因生意失败
    由于被公司裁员 因离婚独自抚养孩子 因投资失败 由于长期拖欠工资`),
  state: words(`目前处于失业状态 已无任何收入来源 负债累累 每月收入不足两千元 连基本生活都难以维持
    靠亲友接济度日 身体状况极差无法工作`),
  family: words(`家中还有年迈的父母需要赡养 上有老下有小 孩子正在上学需要学费 父亲常年卧床
    妻子没有工作 还要偿还房贷`),
  collect:
    words(`催收人员多次在深夜拨打电话 催收人员频繁骚扰本人的亲友和同事 催收人员言语辱骂并威胁上门
    贵司委托的第三方机构冒充公检法恐吓 催收短信内容涉嫌侮辱诽谤 每天接到数十个催收电话`),
  harm: words(`对本人造成了极大的精神压力 导致本人精神崩溃多次就医 严重影响了本人的正常生活
    使本人在单位抬不起头 让本人家人终日惶恐不安`),
  legal:
    words(`综合年化利率已超过法定上限 存在砍头息和变相收取服务费的问题 违规捆绑销售会员权益和保险产品
    合同中的格式条款显失公平 实际到手金额与合同金额严重不符 未尽到借款审核义务属于违规放贷
    利息和罚息远超法律保护范围`),
  demand:
    words(`停息挂账 分期只还本金 全额退还已收取的利息 退还全部服务费和会员费 减免所有罚息和违约金
    消除征信系统中的逾期记录 办理个性化分期,每月还款不超过五百元 停止一切催收行为 重新计算还款计划`),
  threat:
    words(`向金融监管总局投诉 向中国人民银行反映 拨打12378热线投诉 向媒体曝光 组织其他借款人集体投诉
    向法院提起诉讼 向公安机关报案`),
  deadline: words('七个工作日内 三日内 收到本函后五个工作日内 十五日内 本月底前'),
  agent: words(
    '已全权委托我方代为处理 已委托本代理人全权处理 已授权本法务团队代为协商 特委托我司代为维权',
  ),
  to: words('致 关于 发送至 抄送'),
  dept: words('客服部 投诉处理中心 贷后管理部 消费者权益保护部 法务部 催收管理部'),
  scope: words(`名下借款<loan>的一切事宜 的借款<loan>相关协商事宜 借款合同<loan>项下的全部债务处理
    名下全部欠款的还款协商`),
  during: words('委托期间 自即日起 在委托关系存续期间 自本函送达之日起 为避免矛盾激化'),
  noContact: words(`勿再联系借款人本人及其家属 停止联系借款人及其亲友 不得再以任何方式联系借款人本人
    勿再骚扰借款人的家人同事`),
  contactUs: words(
    '相关事宜请与代理人联系 一切事宜请直接联系我方 有关协商请联系本代理人 请与我方工作人员对接',
  ),
  dear: words('尊敬的 致 敬启者 您好,'),
  leader: words('领导 负责人 客服主管 消保部门 投诉处理部门'),
  phoneCue: words('联系电话 手机号码 本人电话 联系方式'),
  term: words('分十二期 分二十四期 至今已还款多期 一直按时还款'),
  unable: words('按期偿还借款 继续还款 承担高额利息'),
  willing: words('本人并非恶意逃废债务 借款人一直有还款意愿 本人愿意承担本金'),
  checked: words('核查 咨询律师 仔细计算'),
  formally: words('郑重 正式 依法'),
  close: words('此致 特此告知 望贵司高度重视'),
}

/** One agency's letter: a head (in person or through an "agent"), a loan sentence, four middle
 * paragraphs in the agency's order, demands' consequences and a closing. */
function agencyTemplate(random: Random): string[] {
  const w = (key: keyof typeof F) => pick(random, F[key])
  const org = w('org')
  const viaAgent = random() < 0.4
  const head = viaAgent
    ? [
        `${w('to')}<product>${w('dept')}:借款人<name>(身份证号码:<id>)${w('agent')}其在${org}${w('scope')}。`,
        `${w('during')},请${org}${w('noContact')},${w('contactUs')},联系电话<phone>。`,
      ]
    : [`${w('dear')}${org}${w('leader')}:本人<name>,身份证号<id>,${w('phoneCue')}<phone>。`]
  const demands = pickN(random, F.demand, 3).map((d, i) => `${'一二三'[i]}、${d}`)
  const middle = [
    `${w('cause')},${w('state')},${w('family')},实在无力${w('unable')}。`,
    `${w('willing')},但${w('collect')},${w('harm')}。`,
    `经${w('checked')},${org}${pickN(random, F.legal, 2).join(',并')}。`,
    `现${w('formally')}要求${org}:${demands.join(';')}。`,
  ].sort(() => random() - 0.5)
  const who = viaAgent ? '我方将协助借款人' : '本人将'
  return [
    ...head,
    `${viaAgent ? '借款人' : '本人'}于<date>在${org}<product>平台借款<amount>,合同编号<loan>,${w('term')}。`,
    ...middle,
    `如${org}在${w('deadline')}不予解决,${who}${pickN(random, F.threat, 2).join('并')},由此产生的一切后果由${org}承担。`,
    `${w('close')}。${viaAgent ? '委托人' : '借款人'}:<name>,<date2>`,
  ]
}

const SYNONYMS = words(
  '要求:请求 立即:马上 严重:极其 本人:我 贵司:贵公司 催收:催款 承担:负责 借款:贷款',
)

/** A copy for one borrower: slots filled; sometimes two sentences swapped, one dropped, the
 * punctuation changed, up to three words replaced. */
function agencyCopy(random: Random, template: string[]): string {
  const sentences = [...template]
  if (random() < 0.3) {
    const i = int(random, 2, sentences.length - 2)
    ;[sentences[i], sentences[i + 1]] = [sentences[i + 1] as string, sentences[i] as string]
  }
  if (random() < 0.25) sentences.splice(int(random, 2, sentences.length - 1), 1)
  let text = sentences.join('')
  if (random() < 0.3) text = text.replaceAll(',', ' ').replaceAll('。', '!')
  text = fill(text, slots(random))
  for (let swaps = int(random, 0, 4); swaps > 0; swaps--) {
    const [from, to] = pick(random, SYNONYMS).split(':') as [string, string]
    text = text.replace(from, to)
  }
  return text
}

// ---- genuine complaints --------------------------------------------------------------------
const G = {
  open: words('你好 您好 客服你好 我要投诉 麻烦看一下 我想反映个问题 _ _ _'),
  who: words('我 本人 我老公 我妈 我家里人 我朋友'),
  when: words('上个月 前天 昨天晚上 这周一 月初 今天早上 <date> 上周五 去年年底'),
  subject: words(
    '借款 还款 自动扣款 利息 催收 额度 账单 分期 提前还款 会员费 保险费 征信 客服 APP',
  ),
  problem:
    words(`多扣了<amount> 扣了两次钱 利息比说好的高 一直打电话催 打给我单位同事 还了款还显示逾期
    账单金额对不上 提前还款还收手续费 额度突然降没了 逾期一天就上了征信 客服电话打不通
    没同意就开通了会员 到手的钱比合同少 借款被莫名拒绝 短信一天发十几条 密码老是登不上
    减免活动没有兑现 银行卡被冻结了`),
  detail: words(`我都截图了 我一直按时还的 这已经是第三次了 问了好几次没人管 家里老人都被吓到了
    我在上班接电话很尴尬 工资卡里的钱都被划走了 我算了好几遍 朋友也遇到同样的事 我有通话录音
    你们的系统是不是有问题 我孩子还小天天哭 我在外地打工 说好的三天回复到现在也没有`),
  feeling: words('很生气 真的很无语 太欺负人了 我很着急 实在受不了了 _ _ _'),
  ask: words(`请尽快处理 希望给个说法 麻烦核实一下 请退给我 请把记录改过来 别再打了 能不能协商还款
    希望能延期几天 请给我回个电话 _`),
}

/** A complaint in the customer's own combination of everyday phrases: one to three issues. */
function genuine(random: Random): string {
  const w = (key: keyof typeof G) => pick(random, G[key])
  const issue = () =>
    `${w('when')}${w('who')}的${w('subject')}${w('problem')}${random() < 0.6 ? ',' + w('detail') : ''}`
  const issues = Array.from({ length: int(random, 1, 4) }, issue)
  const context = random() < 0.3 ? `我在<product>借了<amount>,` : ''
  const parts = [w('open'), context + issues.join(','), w('feeling'), w('ask')]
  return fill(parts.filter(Boolean).join(','), slots(random))
}

// ---- generation, measurement ---------------------------------------------------------------
function* generate(count: number): Generator<Doc> {
  const random = seeded(42)
  const templates = Array.from({ length: TEMPLATES }, () => agencyTemplate(random))
  for (let i = 0; i < count; i++) {
    const template = random() < TEMPLATE_SHARE ? int(random, 0, TEMPLATES) : -1
    const writesAgain = template < 0 && i > 0 && random() < 0.03
    const groupId = `cust-${writesAgain ? int(random, 0, i) : i}`
    const text =
      template >= 0 ? agencyCopy(random, templates[template] as string[]) : genuine(random)
    yield { docId: `doc-${i}`, groupId, text: text.normalize('NFKC'), template }
  }
}

/** Samples the process's RSS every 20 ms from a worker, since add() and clusters() block. */
function startRssSampler(): { stop: () => Promise<number> } {
  const code = `const { parentPort } = require('node:worker_threads'); let peak = 0;
    const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 20);
    parentPort.on('message', () => { clearInterval(t); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())) })`
  const worker = new Worker(code, { eval: true })
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (peak: number) => void worker.terminate().then(() => resolve(peak)))
        worker.postMessage('stop')
      }),
  }
}

/** Each cluster is judged by its majority label: the texts of that template count as right. */
function quality(clusters: TemplateCluster[], truth: Int16Array): Record<string, string> {
  let right = 0
  let clustered = 0
  const found = new Set<number>()
  for (const cluster of clusters) {
    const counts = new Map<number, number>()
    for (const docId of cluster.docIds) {
      const label = truth[Number(docId.slice(4))] as number
      counts.set(label, (counts.get(label) ?? 0) + 1)
    }
    const [label, size] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [number, number]
    clustered += cluster.docIds.length
    if (label < 0) continue
    right += size
    found.add(label)
  }
  const copies = truth.reduce((sum, label) => sum + (label >= 0 ? 1 : 0), 0)
  return {
    clusters: `${clusters.length} (${found.size} of ${TEMPLATES} templates found)`,
    'precision (clustered texts in their cluster’s template)': (right / clustered || 0).toFixed(4),
    'recall (template copies in a cluster of their template)': (right / copies || 0).toFixed(4),
  }
}

function timeMatches(index: TemplateIndex, queries: Doc[]): string {
  const start = performance.now()
  const hits = queries.map((q) => ({ q, matched: index.match(q.text).length > 0 }))
  const ms = (performance.now() - start) / queries.length
  const copies = hits.filter((h) => h.q.template >= 0)
  const copiesMatched = copies.filter((h) => h.matched).length
  const genuineMatched = hits.filter((h) => h.q.template < 0 && h.matched).length
  return `${ms.toFixed(2)} ms mean; ${copiesMatched}/${copies.length} new template copies matched, ${genuineMatched}/${hits.length - copies.length} genuine`
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

/** Adds the generated texts in batches (only add() is timed); the last QUERIES are held back. */
function addAll(index: TemplateIndex, truth: Int16Array, queries: Doc[]): [number, number] {
  let [wall, cpu] = [0, 0]
  let batch: Doc[] = []
  const flush = () => {
    const [start, startCpu] = [performance.now(), process.cpuUsage()]
    for (const doc of batch) index.add(doc.docId, doc.groupId, doc.text)
    wall += performance.now() - start
    cpu += cpuSeconds(startCpu)
    batch = []
  }
  for (const doc of generate(N + QUERIES)) {
    const n = Number(doc.docId.slice(4))
    if (n >= N) {
      queries.push(doc)
      continue
    }
    truth[n] = doc.template
    if (batch.push(doc) === BATCH) flush()
  }
  flush()
  return [wall / 1000, cpu]
}

async function main(): Promise<void> {
  const sampler = startRssSampler()
  const loadBefore = os.loadavg()[0]?.toFixed(2)
  const index = new TemplateIndex()
  const truth = new Int16Array(N)
  const queries: Doc[] = []
  const [addWall, addCpu] = addAll(index, truth, queries)
  const [start, startCpu] = [performance.now(), process.cpuUsage()]
  const clusters = index.clusters()
  const [clusterWall, clusterCpu] = [(performance.now() - start) / 1000, cpuSeconds(startCpu)]
  const matches = timeMatches(index, queries)
  const peak = await sampler.stop()
  const report = {
    texts: N.toLocaleString('en'),
    'add()': `${addWall.toFixed(1)} s, ${Math.round(N / addWall).toLocaleString('en')} texts/s`,
    'clusters()': `${clusterWall.toFixed(1)} s`,
    'total (add + clusters)': `${(addWall + clusterWall).toFixed(1)} s wall`,
    'CPU time (add + clusters)': `${addCpu.toFixed(1)} + ${clusterCpu.toFixed(1)} s`,
    'load average, 1 min (2 cores)': `${loadBefore} before, ${os.loadavg()[0]?.toFixed(2)} after`,
    'match() of a new text': matches,
    'peak RSS': `${(peak / 2 ** 20).toFixed(0)} MiB`,
    ...quality(clusters, truth),
  }
  for (const [key, value] of Object.entries(report)) console.log(`${key.padEnd(58)} ${value}`)
}

await main()
