// The police-report dossier (报案材料) as a PDF in Chinese: summary, the agency, the affected
// customers (masked), the timeline, the relationship graph, the amounts and the evidence index.
import { caseOutcomeLabels, caseStateLabels } from '../cases/index.js'
import type { DossierFacts } from './dossier-facts.js'
import { drawGraph } from './graph-pdf.js'
import { PdfWriter } from './pdf-writer.js'
import { layoutGraph } from './relationship-graph.js'

const kindLabel: Record<string, string> = {
  phone: '电话',
  wechat: '微信',
  email: '邮箱',
  organization: '机构',
  agent_name: '代理人姓名',
  device: '设备',
  sha256: '重复使用的文件',
  phash: '相似图片',
  ip: 'IP',
}
const evidenceKindLabel: Record<string, string> = {
  recording: '通话录音',
  screenshot: '截图',
  document: '书证材料',
  chat_export: '聊天记录',
  other: '其他',
}
const loanLabel: Record<string, string> = {
  current: '正常',
  overdue: '逾期',
  settled: '已结清',
  written_off: '已核销',
}

/** Beijing time, to the minute: how the team and the police read a time. */
export function beijing(iso: string): string {
  if (!iso) return '—'
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

export const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

export async function dossierPdf(f: DossierFacts): Promise<Buffer> {
  const c = f.case
  const w = new PdfWriter({
    title: `报案材料 ${c.case_id}`,
    subject: c.title,
    // The case's own last change, never the clock: the same case gives the same file.
    date: new Date(f.asOf || c.created_at),
    footer: `${c.case_id} · 报案材料 · 材料截至 ${beijing(f.asOf)}（北京时间）`,
  })
  w.title('报案材料', `${c.title}\n案件编号 ${c.case_id} · 材料截至 ${beijing(f.asOf)}（北京时间）`)
  summary(w, f)
  agency(w, f)
  customers(w, f)
  const g = layoutGraph(f.graph)
  // The heading, its note and the picture stay together on one page.
  w.ensureSpace(g.height + 110)
  w.heading('四、关系图谱')
  w.paragraph(
    '中心为代理方标识（电话、微信、机构、代理人），外圈为其代为出面的客户；连线表示该客户的投诉或来电中出现了该标识。',
    { colour: '#595959', size: 9 },
  )
  drawGraph(w, g)
  if (g.hiddenCustomers)
    w.paragraph(`另有 ${g.hiddenCustomers} 名客户未在图中显示，见第三部分名单。`, { size: 9 })
  amounts(w, f)
  timeline(w, f)
  evidence(w, f)
  return w.finish()
}

function summary(w: PdfWriter, f: DossierFacts): void {
  const c = f.case
  w.heading('一、案件概况')
  w.fields([
    [
      '案件状态',
      `${caseStateLabels[c.state]['zh-CN']}${c.outcome ? `（${caseOutcomeLabels[c.outcome]['zh-CN']}）` : ''}`,
    ],
    [
      '严重程度',
      c.severity === 'level1'
        ? '一级异常维权（涉嫌违法犯罪）'
        : c.severity === 'level2'
          ? '二级异常维权'
          : '未评级',
    ],
    [
      '涉及联系',
      `${f.contacts} 条${f.victimReports ? `（其中受害人举报 ${f.victimReports} 条）` : ''}`,
    ],
    ['受影响客户', `${f.customers.length} 名`],
    ['时间跨度', f.period ? `${beijing(f.period.from)} 至 ${beijing(f.period.to)}` : '—'],
    ['报案回执号', c.police_report_ref ?? '—'],
    ['立案文书号', c.police_case_ref ?? '—'],
    [
      '联合办案',
      c.joint
        ? c.joint_partners
            .map((p) => `${p.institution}${p.reference ? `（${p.reference}）` : ''}`)
            .join('；') || '是'
        : '否',
    ],
    ['立项人 / 承办人', `${c.created_by} / ${c.assignee ?? '—'}`],
    ['立项时间', beijing(c.created_at)],
  ])
  if (c.summary) {
    w.doc.moveDown(0.3)
    w.paragraph(c.summary)
  }
  if (c.severity_reasons.length) {
    w.doc.moveDown(0.3)
    w.paragraph('预警依据（由系统检测给出，经人工复核）：', { size: 9.5 })
    w.paragraph(c.severity_reasons.map((r, i) => `${i + 1}. ${r['zh-CN']}`).join('\n'), {
      size: 9.5,
    })
  }
}

function agency(w: PdfWriter, f: DossierFacts): void {
  w.heading('二、涉案代理机构及人员')
  if (f.organisations.length)
    w.table(
      [
        { title: '机构名称（自称）', width: 4 },
        { title: '出现次数', width: 1, align: 'right' },
      ],
      f.organisations.map((o) => [o.name, String(o.contacts)]),
    )
  if (f.agents.length)
    w.table(
      [
        { title: '代理人（自称）', width: 2 },
        { title: '使用电话', width: 3 },
        { title: '出现次数', width: 1, align: 'right' },
      ],
      f.agents.map((a) => [a.name, a.phones.join('、'), String(a.contacts)]),
    )
  w.table(
    [
      { title: '类型', width: 1.2 },
      { title: '代理方标识', width: 3.6 },
      { title: '代为出面客户数', width: 1.4, align: 'right' },
      { title: '联系数', width: 1, align: 'right' },
    ],
    f.identifiers.map((i) => [
      kindLabel[i.kind] ?? i.kind,
      i.value,
      String(i.customers),
      String(i.contacts),
    ]),
  )
}

function customers(w: PdfWriter, f: DossierFacts): void {
  w.heading('三、受影响客户（已脱敏）')
  w.paragraph('客户完整身份信息按个人信息保护要求脱敏处理，公安机关可依法调取。', {
    colour: '#595959',
    size: 9,
  })
  w.table(
    [
      { title: '客户编号', width: 1.3 },
      { title: '姓名', width: 0.9 },
      { title: '手机号', width: 1.3 },
      { title: '身份证号', width: 2 },
      { title: '借款状态', width: 0.9 },
      { title: '未结清余额', width: 1.3, align: 'right' },
      { title: '联系数', width: 0.8, align: 'right' },
    ],
    f.customers.map((c) => [
      c.customer_id,
      c.name,
      c.phone,
      c.id_number,
      loanLabel[c.loan] ?? c.loan,
      c.outstanding_fen === null ? '—' : yuan(c.outstanding_fen),
      String(c.contacts),
    ]),
    { size: 8.5 },
  )
}

function amounts(w: PdfWriter, f: DossierFacts): void {
  w.heading('五、涉案金额')
  if (!f.amounts.length) return w.paragraph('尚未登记涉案金额。')
  w.table(
    [
      { title: '项目', width: 4 },
      { title: '金额（元）', width: 1.5, align: 'right' },
    ],
    f.amounts.map((a) => [a.label, yuan(a.fen)]),
  )
}

function timeline(w: PdfWriter, f: DossierFacts): void {
  w.heading('六、时间线')
  w.table(
    [
      { title: '时间（北京时间）', width: 1.3 },
      { title: '事项', width: 5 },
    ],
    f.timeline.map((t) => [beijing(t.at), t.what]),
    { size: 8.5 },
  )
}

function evidence(w: PdfWriter, f: DossierFacts): void {
  w.heading('七、证据清单')
  if (!f.evidence.length) return w.paragraph('尚未提交证据。')
  w.paragraph(
    '每份证据以其 SHA-256 值存证，文件一经提交不可覆盖；保管链（提交、查看、导出记录）逐条哈希链接，可用 grayline evidence verify 校验。随附 ZIP 包含全部证据文件及清单。',
    { colour: '#595959', size: 9 },
  )
  w.table(
    [
      { title: '序号', width: 0.5, align: 'right' },
      { title: '证据编号 / 类型', width: 1.7 },
      { title: '文件名 / 大小', width: 1.8 },
      { title: 'SHA-256', width: 3 },
      { title: '提交人 / 时间', width: 1.4 },
    ],
    f.evidence.map((e, i) => [
      String(i + 1),
      `${e.evidence_id}\n${evidenceKindLabel[e.kind] ?? e.kind}`,
      `${e.filename}\n${e.size.toLocaleString('en-US')} 字节`,
      e.sha256,
      `${e.added_by}\n${beijing(e.added_at)}`,
    ]),
    { size: 8 },
  )
}
