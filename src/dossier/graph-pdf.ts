// Draws the relationship graph into a PDF page with pdfkit's vector paths (the same layout the
// SVG uses), with a legend of node kinds.
import type { PdfWriter } from './pdf-writer.js'
import type { RelationshipGraph } from './relationship-graph.js'
import { nodeColours } from './relationship-graph.js'

const legend: [string, string][] = [
  ['phone', '代理方电话'],
  ['wechat', '微信'],
  ['organization', '机构'],
  ['agent_name', '代理人'],
  ['device', '设备'],
  ['sha256', '重复文件'],
  ['customer', '客户（已脱敏）'],
]

export function drawGraph(w: PdfWriter, g: RelationshipGraph): void {
  const scale = Math.min(1, w.width / g.width)
  const height = g.height * scale + 24
  w.ensureSpace(height)
  const { doc } = w
  const ox = doc.page.margins.left + (w.width - g.width * scale) / 2
  const oy = doc.y
  const at = (x: number, y: number): [number, number] => [ox + x * scale, oy + y * scale]
  const pos = new Map(g.nodes.map((n) => [n.id, n]))
  doc.save().lineWidth(0.6).strokeColor('#bfbfbf')
  for (const e of g.edges) {
    const a = pos.get(e.from)
    const b = pos.get(e.to)
    if (a && b)
      doc
        .moveTo(...at(a.x, a.y))
        .lineTo(...at(b.x, b.y))
        .stroke()
  }
  for (const n of g.nodes) {
    const [x, y] = at(n.x, n.y)
    const r = n.kind === 'agency' ? 7 : 4
    doc.circle(x, y, r).fill(nodeColours[n.type] ?? '#595959')
    const size = n.kind === 'agency' ? 8 : 6.5
    doc.font('body').fontSize(size).fillColor('#262626')
    const label = n.label
    const width = doc.widthOfString(label)
    const left =
      n.x < g.width / 2 - 1 ? x - r - 3 - width : n.x > g.width / 2 + 1 ? x + r + 3 : x - width / 2
    const top =
      n.x === g.width / 2 || Math.abs(n.x - g.width / 2) <= 1
        ? n.y < g.height / 2
          ? y - r - size - 3
          : y + r + 2
        : y - size / 2 - 1
    doc.text(label, left, top, { lineBreak: false })
  }
  doc.restore()
  let lx = doc.page.margins.left
  const ly = oy + g.height * scale + 8
  for (const [type, label] of legend) {
    doc.circle(lx + 4, ly + 4, 4).fill(nodeColours[type] ?? '#595959')
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#262626')
      .text(label, lx + 11, ly - 1, { lineBreak: false })
    lx += 22 + doc.widthOfString(label)
  }
  doc.fillColor('#1f1f1f')
  doc.x = doc.page.margins.left
  doc.y = ly + 16
}
