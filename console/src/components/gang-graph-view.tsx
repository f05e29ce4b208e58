// The gang's relationship graph drawn with sigma.js (WebGL): positions come laid out from the
// server, so thousands of nodes pan and zoom fluidly. Edge kinds are filtered in the reducers (no
// redraw of the graph), nodes are selected by clicking, an identifier is expanded by ref, and the
// picture is exported as PNG.
import { Button, Checkbox, Space, Tag, Typography } from 'antd'
import Graph from 'graphology'
import { useEffect, useMemo, useRef, useState } from 'react'
import Sigma from 'sigma'
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering'
import { api } from '../api/client'
import type { GangEdgeKind, GangGraphPayload } from '../api/gang-types'
import { gangEdgeKinds } from '../api/gang-types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'
import { GangCaseDialog } from './gang-case-dialog'
import { kindColour, SELECTED_COLOUR } from './gang-graph-colours'
import './gang-graph.css'

type NodeAttrs = { x: number; y: number; size: number; color: string; label: string; kind: string }
type EdgeAttrs = { size: number; color: string; kind: GangEdgeKind }
type GraphModel = Graph<NodeAttrs, EdgeAttrs>

const PERSON_KINDS = new Set(['customer', 'contact'])

function nodeSize(degree: number): number {
  return 3 + Math.min(12, Math.log2(1 + degree) * 2.2)
}

/** Adds nodes and edges not yet drawn; new nodes go on a ring around `anchor`. */
function merge(g: GraphModel, payload: GangGraphPayload, anchor?: { x: number; y: number }) {
  const fresh = payload.nodes.filter((n) => !g.hasNode(n.id))
  const radius = anchor ? Math.max(20, extent(g) * 0.08) : 0
  fresh.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1)
    g.addNode(n.id, {
      x: n.x ?? (anchor?.x ?? 0) + radius * Math.cos(angle),
      y: n.y ?? (anchor?.y ?? 0) + radius * Math.sin(angle),
      size: nodeSize(n.degree),
      color: kindColour[n.kind] ?? '#999',
      // File hashes and template ids are long: their head is enough to tell them apart.
      label: n.label.length > 16 ? `${n.label.slice(0, 12)}…` : n.label,
      kind: n.kind,
    })
  })
  for (const e of payload.edges)
    if (g.hasNode(e.source) && g.hasNode(e.target) && !g.hasEdge(e.source, e.target))
      g.addEdge(e.source, e.target, {
        size: e.strong ? 1.6 : 0.8,
        color: kindColour[e.kind] ?? '#ccc',
        kind: e.kind,
      })
}

function extent(g: GraphModel): number {
  let [minX, maxX] = [Infinity, -Infinity]
  g.forEachNode((_n, a) => {
    minX = Math.min(minX, a.x)
    maxX = Math.max(maxX, a.x)
  })
  return Number.isFinite(maxX - minX) ? maxX - minX : 100
}

/** Share of the full resolution that a big gang is drawn at while the camera moves. */
const MOVING_RESOLUTION = 0.5

/**
 * Draws at `fraction` of the full resolution while the camera moves (canvases sized down, CSS
 * stretches them back), and at full resolution again from the first render after it stops — the
 * render in which sigma brings edges and labels back. Without a GPU (SwiftShader) a frame's
 * rasterising is paid by the pixel, and this is a quarter of the pixels.
 *
 * sigma has no setting for it: on every render `resize()` sets the private `pixelRatio` from
 * window.devicePixelRatio before sizing the canvases, and `getRenderParams()` hands the field to
 * the programs. So the field is replaced by an accessor whose setter is ignored. Picking is
 * unaffected at rest (its downsizing ratio is fixed at construction, from the full ratio). Checked
 * against sigma 3.0.3 (dist/sigma.esm.js: the constructor, `resize()`, `render()`,
 * `getRenderParams()`); the "moving" test is the one `render()` uses for hideEdgesOnMove.
 */
function drawCoarselyWhileMoving(renderer: Sigma<NodeAttrs, EdgeAttrs>, fraction: number): void {
  let coarse = false
  Object.defineProperty(renderer, 'pixelRatio', {
    configurable: true,
    get: () => (window.devicePixelRatio || 1) * (coarse ? fraction : 1),
    set: () => undefined,
  })
  const captor = renderer.getMouseCaptor()
  renderer.on('beforeRender', () => {
    const moving =
      renderer.getCamera().isAnimated() ||
      captor.isMoving ||
      captor.draggedEvents > 0 ||
      captor.currentWheelDirection !== 0
    if (moving === coarse) return
    coarse = moving
    renderer.resize(true)
  })
}

/** The canvases sigma draws on, flattened onto white in layer order, right after a render. */
function exportPng(renderer: Sigma<NodeAttrs, EdgeAttrs>, name: string): void {
  renderer.refresh()
  const { width, height } = renderer.getDimensions()
  const ratio = window.devicePixelRatio || 1
  const out = document.createElement('canvas')
  out.width = width * ratio
  out.height = height * ratio
  const c = out.getContext('2d')
  if (!c) return
  c.fillStyle = '#ffffff'
  c.fillRect(0, 0, out.width, out.height)
  for (const layer of Object.values(renderer.getCanvases()))
    c.drawImage(layer, 0, 0, out.width, out.height)
  const a = document.createElement('a')
  a.download = name
  a.href = out.toDataURL('image/png')
  a.click()
}

export function GangGraphView({ gangId, payload }: { gangId: string; payload: GangGraphPayload }) {
  const { t } = useI18n()
  const report = useReportError()
  const container = useRef<HTMLDivElement>(null)
  const sigma = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null)
  const graph = useMemo(() => {
    const g: GraphModel = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected' })
    merge(g, payload)
    return g
  }, [payload])
  const present = useMemo(
    () => gangEdgeKinds.filter((k) => payload.edges.some((e) => e.kind === k)),
    [payload],
  )
  const [kinds, setKinds] = useState<GangEdgeKind[]>([...gangEdgeKinds])
  const [selected, setSelected] = useState<string[]>([])
  const [counts, setCounts] = useState({ nodes: graph.order, edges: graph.size })
  const [caseOpen, setCaseOpen] = useState(false)
  const view = useRef({ kinds: new Set<string>(kinds), selected: new Set<string>() })

  useEffect(() => {
    if (!container.current) return
    // A big gang: edges and labels are left out while the camera moves (drawn again as soon as it
    // stops), and the nodes are drawn at half resolution meanwhile; zooming in grows nodes and
    // links by the fourth root of the zoom instead of the square root, so that it pulls a dense
    // gang apart (labels still appear) instead of filling the canvas with thousands of widened
    // links. Nodes are drawn as points and links as one-pixel lines: sigma's default circle and
    // rectangle programs draw instanced, which software WebGL (SwiftShader, no GPU) handles
    // instance by instance: 5,000 nodes took ~170 ms a frame that way, at any resolution, and
    // 13,000 links ~700 ms. Strong links are then no thicker than the others.
    const big = graph.size > 2000
    const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container.current, {
      hideEdgesOnMove: big,
      hideLabelsOnMove: big,
      ...(big ? { zoomToSizeRatioFunction: (ratio: number) => ratio ** 0.25 } : {}),
      ...(big
        ? {
            defaultNodeType: 'point',
            nodeProgramClasses: { point: NodePointProgram },
            defaultEdgeType: 'line',
            edgeProgramClasses: { line: EdgeLineProgram },
          }
        : {}),
      labelRenderedSizeThreshold: graph.order > 800 ? 10 : 5,
      // The page's own font stack, so that Chinese labels draw as the rest of the console does.
      labelFont: getComputedStyle(container.current).fontFamily || 'sans-serif',
      labelSize: 12,
      zIndex: true,
      nodeReducer: (node, a) => {
        const hidden = !PERSON_KINDS.has(a.kind) && !view.current.kinds.has(a.kind)
        if (hidden) return { ...a, hidden: true }
        if (!view.current.selected.has(node)) return a
        return { ...a, color: SELECTED_COLOUR, highlighted: true, zIndex: 1, forceLabel: true }
      },
      edgeReducer: (_e, a) => (view.current.kinds.has(a.kind) ? a : { ...a, hidden: true }),
    })
    if (big) drawCoarselyWhileMoving(renderer, MOVING_RESOLUTION)
    renderer.on('clickNode', ({ node }) => {
      const next = new Set(view.current.selected)
      if (next.has(node)) next.delete(node)
      else next.add(node)
      view.current.selected = next
      setSelected([...next])
      renderer.refresh({ skipIndexation: true })
    })
    sigma.current = renderer
    setCounts({ nodes: graph.order, edges: graph.size })
    return () => {
      renderer.kill()
      sigma.current = null
    }
  }, [graph])

  const filter = (next: GangEdgeKind[]) => {
    setKinds(next)
    view.current.kinds = new Set(next)
    sigma.current?.refresh({ skipIndexation: true })
  }
  const clear = () => {
    view.current.selected = new Set()
    setSelected([])
    sigma.current?.refresh({ skipIndexation: true })
  }
  const only = selected.length === 1 ? selected[0] : undefined
  const expandable = only !== undefined && !PERSON_KINDS.has(graph.getNodeAttribute(only, 'kind'))
  const expand = async () => {
    if (!only) return
    try {
      const around = await api<GangGraphPayload>('/gang-graph/expand', { query: { ref: only } })
      merge(graph, around, graph.getNodeAttributes(only))
      setCounts({ nodes: graph.order, edges: graph.size })
      sigma.current?.refresh()
    } catch (e) {
      report(e)
    }
  }

  return (
    <div className="gang-graph">
      <div className="gang-graph-toolbar">
        <Space wrap>
          <Typography.Text strong>{t('gang.edgeKinds')}</Typography.Text>
          <Checkbox.Group
            value={kinds}
            onChange={(v) => filter(v)}
            options={present.map((k) => ({
              value: k,
              label: (
                <span data-kind={k}>
                  <span className="gang-dot" style={{ background: kindColour[k] }} />
                  {t(`gangKind.${k}`)}
                </span>
              ),
            }))}
          />
        </Space>
        <Space wrap>
          <span className="muted">{t('gang.nodes', counts)}</span>
          {selected.length > 0 && (
            <Tag color="blue">{t('gang.selected', { n: selected.length })}</Tag>
          )}
          {selected.length > 0 && (
            <Button size="small" onClick={clear}>
              {t('gang.clearSelection')}
            </Button>
          )}
          <Button size="small" disabled={!expandable} onClick={() => void expand()}>
            {t('gang.expand')}
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={!selected.length}
            onClick={() => setCaseOpen(true)}
          >
            {t('gang.openCase')}
          </Button>
          <Button
            size="small"
            onClick={() => sigma.current && exportPng(sigma.current, `grayline-${gangId}.png`)}
          >
            {t('gang.exportPng')}
          </Button>
        </Space>
      </div>
      <div className="gang-graph-canvas" ref={container} data-testid="gang-graph" />
      <div className="gang-graph-legend">
        {['customer', ...present].map((k) => (
          <span key={k}>
            <span className="gang-dot" style={{ background: kindColour[k] }} />
            {t(`gangKind.${k}` as 'gangKind.customer')}
          </span>
        ))}
        <span className="muted">{t('gang.hint')}</span>
      </div>
      <GangCaseDialog
        open={caseOpen}
        gangId={gangId}
        nodes={selected}
        onClose={() => setCaseOpen(false)}
      />
    </div>
  )
}
