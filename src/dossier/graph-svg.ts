// The relationship graph as an SVG document, for the case page.
import type { RelationshipGraph } from './relationship-graph.js'
import { nodeColours } from './relationship-graph.js'

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

export function graphSvg(g: RelationshipGraph): string {
  const pos = new Map(g.nodes.map((n) => [n.id, n]))
  const edges = g.edges.map((e) => {
    const a = pos.get(e.from)
    const b = pos.get(e.to)
    return a && b
      ? `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="#bfbfbf" stroke-width="0.8"/>`
      : ''
  })
  const nodes = g.nodes.map((n) => {
    const r = n.kind === 'agency' ? 9 : 5
    const colour = nodeColours[n.type] ?? '#595959'
    const anchor = n.x < g.width / 2 - 1 ? 'end' : n.x > g.width / 2 + 1 ? 'start' : 'middle'
    const dx = anchor === 'end' ? -r - 3 : anchor === 'start' ? r + 3 : 0
    const dy = anchor === 'middle' ? (n.y < g.height / 2 ? -r - 4 : r + 11) : 4
    return (
      `<circle cx="${n.x}" cy="${n.y}" r="${r}" fill="${colour}"/>` +
      `<text x="${n.x + dx}" y="${n.y + dy}" font-size="${n.kind === 'agency' ? 10 : 8}" text-anchor="${anchor}" fill="#262626">${esc(n.label)}</text>`
    )
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" font-family="Noto Sans SC, sans-serif">` +
    `${edges.join('')}${nodes.join('')}</svg>`
  )
}
