// A thin layer over pdfkit for Grayline's documents: A4 pages in Noto Sans SC, headings, wrapped
// paragraphs, tables that break across pages, and a footer with page numbers. Everything that
// would differ between two runs (dates, ids) is fixed, so one input gives one byte-identical file.
import PDFDocument from 'pdfkit'
import { cjkFont } from './cjk-font.js'

export type Column = { title: string; width: number; align?: 'left' | 'right' | 'center' }

const MARGIN = 56
const FOOTER = 28

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument
  private readonly chunks: Buffer[] = []
  private readonly done: Promise<Buffer>

  constructor(o: { title: string; subject: string; date: Date; footer: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: o.title,
        Subject: o.subject,
        Author: 'Grayline',
        Creator: 'Grayline',
        Producer: 'Grayline',
        CreationDate: o.date,
        ModDate: o.date,
      },
    })
    this.doc.registerFont('body', cjkFont('regular'))
    this.doc.registerFont('bold', cjkFont('bold'))
    this.doc.font('body').fontSize(10).fillColor('#1f1f1f')
    this.doc.on('data', (c: Buffer) => this.chunks.push(c))
    this.done = new Promise((resolve) =>
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks))),
    )
    this.footerText = o.footer
  }

  private readonly footerText: string

  get width(): number {
    return this.doc.page.width - MARGIN * 2
  }

  title(text: string, sub?: string): void {
    this.doc.font('bold').fontSize(20).text(text, { align: 'center' })
    if (sub)
      this.doc
        .moveDown(0.3)
        .font('body')
        .fontSize(11)
        .fillColor('#595959')
        .text(sub, { align: 'center' })
    this.doc.fillColor('#1f1f1f').moveDown(1)
  }

  heading(text: string): void {
    this.ensureSpace(60)
    this.doc.moveDown(0.6).font('bold').fontSize(13).text(text, MARGIN)
    const y = this.doc.y + 2
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.6)
      .strokeColor('#8c8c8c')
      .stroke()
    this.doc.moveDown(0.5).font('body').fontSize(10)
  }

  paragraph(text: string, o: { colour?: string; size?: number } = {}): void {
    this.doc
      .font('body')
      .fontSize(o.size ?? 10)
      .fillColor(o.colour ?? '#1f1f1f')
      .text(text, MARGIN, undefined, { width: this.width, lineGap: 2 })
      .fillColor('#1f1f1f')
  }

  /** Label–value lines, the label in bold. */
  fields(rows: [string, string][]): void {
    for (const [label, value] of rows) {
      this.ensureSpace(16)
      const y = this.doc.y
      this.doc.font('bold').fontSize(10).text(label, MARGIN, y, { width: 110 })
      this.doc
        .font('body')
        .text(value || '—', MARGIN + 115, y, { width: this.width - 115, lineGap: 1 })
      this.doc.moveDown(0.2)
    }
  }

  table(columns: Column[], rows: string[][], o: { size?: number } = {}): void {
    const size = o.size ?? 9
    const scale = this.width / columns.reduce((s, c) => s + c.width, 0)
    const widths = columns.map((c) => c.width * scale)
    const drawRow = (cells: string[], header: boolean) => {
      this.doc.font(header ? 'bold' : 'body').fontSize(size)
      const h =
        Math.max(
          ...cells.map((c, i) => this.doc.heightOfString(c || '—', { width: widths[i]! - 6 })),
        ) + 6
      if (this.doc.y + h > this.doc.page.height - MARGIN - FOOTER) {
        this.doc.addPage()
        if (!header)
          drawRow(
            columns.map((c) => c.title),
            true,
          )
        this.doc.font(header ? 'bold' : 'body').fontSize(size)
      }
      const y = this.doc.y
      if (header) this.doc.rect(MARGIN, y, this.width, h).fill('#f0f0f0').fillColor('#1f1f1f')
      let x = MARGIN
      cells.forEach((c, i) => {
        this.doc.text(c || '—', x + 3, y + 3, {
          width: widths[i]! - 6,
          align: columns[i]?.align ?? 'left',
        })
        x += widths[i]!
      })
      this.doc
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + this.width, y + h)
        .lineWidth(0.4)
        .strokeColor('#d9d9d9')
        .stroke()
      this.doc.x = MARGIN
      this.doc.y = y + h
    }
    // A header never stands alone at the foot of a page.
    this.ensureSpace(60)
    drawRow(
      columns.map((c) => c.title),
      true,
    )
    for (const r of rows) drawRow(r, false)
    this.doc.moveDown(0.5).font('body').fontSize(10)
  }

  ensureSpace(h: number): void {
    if (this.doc.y + h > this.doc.page.height - MARGIN - FOOTER) this.doc.addPage()
  }

  /** Page numbers and the footer line, drawn on every buffered page; then the finished file. */
  async finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i)
      const y = this.doc.page.height - MARGIN
      // Writing inside the bottom margin must not start a new page.
      const bottom = this.doc.page.margins.bottom
      this.doc.page.margins.bottom = 0
      this.doc.font('body').fontSize(8).fillColor('#8c8c8c')
      this.doc.text(this.footerText, MARGIN, y, {
        width: this.width,
        align: 'left',
        lineBreak: false,
      })
      this.doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, y, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      })
      this.doc.page.margins.bottom = bottom
    }
    this.doc.end()
    return this.done
  }
}
