// The operations report as a PDF in Chinese: the latest month in one sentence, then every month.
import { PdfWriter } from '../dossier/pdf-writer.js'
import type { MonthFigures } from './month-figures.js'

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)

export function headline(m: MonthFigures): string {
  return (
    `${m.month}：新立案件 ${m.opened} 件，推送公安报案 ${m.pushed} 件，公安立案 ${m.filed} 件，` +
    `筹备报案 ${m.in_preparation} 件，结案 ${m.closed} 件，与其他机构联合办理团伙案件 ${m.joint} 件；` +
    `受害人举报 ${m.victim_reports} 条；发出预警 ${m.warnings} 条，其中经复核、核实或调查确认 ${m.confirmed} 条（${pct(m.confirmed_share)}）。`
  )
}

export async function reportPdf(rows: MonthFigures[], asOf: Date): Promise<Buffer> {
  const first = rows[0]?.month ?? ''
  const last = rows.at(-1)
  const w = new PdfWriter({
    title: `反代理维权工作月报 ${first}–${last?.month ?? ''}`,
    subject: 'Grayline operations report',
    date: asOf,
    footer: `反代理维权工作月报 · ${first} 至 ${last?.month ?? ''}`,
  })
  w.title('反代理维权工作月报', `${first} 至 ${last?.month ?? ''}（按北京时间自然月统计）`)
  if (last) {
    w.heading('本期概要')
    w.paragraph(headline(last))
  }
  w.heading('分月数据')
  w.table(
    [
      { title: '月份', width: 1.2 },
      { title: '新立', width: 0.8, align: 'right' },
      { title: '推送报案', width: 1, align: 'right' },
      { title: '公安立案', width: 1, align: 'right' },
      { title: '筹备报案', width: 1, align: 'right' },
      { title: '结案', width: 0.8, align: 'right' },
      { title: '联合案件', width: 1, align: 'right' },
      { title: '受害人举报', width: 1.1, align: 'right' },
      { title: '预警', width: 0.9, align: 'right' },
      { title: '确认率', width: 1, align: 'right' },
    ],
    rows.map((r) => [
      r.month,
      String(r.opened),
      String(r.pushed),
      String(r.filed),
      String(r.in_preparation),
      String(r.closed),
      String(r.joint),
      String(r.victim_reports),
      String(r.warnings),
      pct(r.confirmed_share),
    ]),
    { size: 8.5 },
  )
  w.heading('口径说明')
  w.paragraph(
    [
      '推送报案：当月转入“已报案”的案件数；公安立案：当月转入“已立案”的案件数。',
      '筹备报案：月末处于“筹备报案”状态的案件数；联合案件：当月处于办理中、且与其他机构联合办理的团伙案件数。',
      '预警：当月收到的中、高风险联系数；确认率：其中此后经人工复核确认代理、或所在案件已向公安报案的比例。',
      '预警仅用于引导核实，从不拒绝、关闭、延迟或隐藏任何投诉。',
    ].join('\n'),
    { size: 9 },
  )
  return w.finish()
}
