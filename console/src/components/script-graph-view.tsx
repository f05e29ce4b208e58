// One call-script version drawn as its graph: steps in rows by how far they are from the start,
// outcomes at the bottom, each branch labelled with the answers that take it (and the signal it
// raises). The layout is computed here because scripts are acyclic (the server checks it).
import { GraphChart } from 'echarts/charts'
import * as echarts from 'echarts/core'
import { useMemo } from 'react'
import type { ScriptBranch, ScriptDefinition } from '../api/response-types'
import type { ScriptStep } from '../api/types'
import type { I18n } from '../i18n/i18n'
import { useI18n } from '../i18n/i18n'
import { EChart } from './echart'
import { answerLabel } from './script-answer-label'

echarts.use([GraphChart])

const COL = 210
const ROW = 70
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'

type Node = { name: string; x: number; y: number; value: string; itemStyle: { color: string } }

export function ScriptGraphView({ script }: { script: ScriptDefinition }) {
  const { t, label, pick } = useI18n()
  const option = useMemo(() => {
    const depth = depthsOf(script)
    const ends = [
      ...new Set(script.steps.flatMap((s) => s.branches.flatMap((b) => b.outcome ?? []))),
    ]
    const last = Math.max(...depth.values()) + 1
    const levels = new Map<number, Node[]>()
    const place = (level: number, n: Omit<Node, 'x' | 'y'>) =>
      levels.set(level, [...(levels.get(level) ?? []), { ...n, x: 0, y: level * ROW }])
    for (const s of script.steps)
      place(depth.get(s.id) ?? 0, {
        name: s.id,
        value: pick(s.say),
        itemStyle: { color: s.id === script.start ? '#1677ff' : '#4096ff' },
      })
    for (const o of ends)
      place(last, {
        name: `outcome:${o}`,
        value: label('outcome', o),
        itemStyle: { color: '#389e0d' },
      })
    // Each level centred: the graph reads top to bottom, the start at the top.
    const nodes = [...levels.values()].flatMap((row) =>
      row.map((n, i) => ({ ...n, x: (i - (row.length - 1) / 2) * COL })),
    )
    // Branches of one step to the same place are one edge, their answers joined.
    const edges = new Map<
      string,
      { source: string; target: string; labels: string[]; signal: boolean }
    >()
    for (const s of script.steps)
      for (const b of s.branches) {
        const target = b.next ?? `outcome:${b.outcome ?? ''}`
        const e = edges.get(`${s.id}>${target}`) ?? {
          source: s.id,
          target,
          labels: [],
          signal: false,
        }
        e.labels.push(branchLabel(b, s, { t, pick }))
        e.signal ||= Boolean(b.signal)
        edges.set(`${s.id}>${target}`, e)
      }
    const links = [...edges.values()].map((e) => ({
      source: e.source,
      target: e.target,
      label: { show: true, formatter: shorten(e.labels.join(' / ')) },
      lineStyle: { color: e.signal ? '#fa8c16' : '#8c8c8c', width: e.signal ? 2 : 1 },
    }))
    return {
      textStyle: { fontFamily: FONT },
      tooltip: { formatter: (p: { data: { value?: string } }) => p.data.value ?? '' },
      animation: false,
      series: [
        {
          type: 'graph',
          layout: 'none',
          top: 24,
          bottom: 24,
          symbol: 'roundRect',
          symbolSize: [170, 30],
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          label: { show: true, color: '#fff', fontSize: 12, fontFamily: FONT },
          edgeLabel: { fontSize: 11, color: '#434343', fontFamily: FONT },
          lineStyle: { curveness: 0.2 },
          data: nodes.map((n) => ({
            ...n,
            label: { formatter: n.name.startsWith('outcome:') ? n.value : n.name },
          })),
          links,
        },
      ],
    }
  }, [script, label, pick, t])
  return <EChart option={option} className="script-graph" ariaLabel={t('scripts.graph')} />
}

/** The longest distance from the start: a step sits right of every step leading to it. */
function depthsOf(script: ScriptDefinition): Map<string, number> {
  const byId = new Map(script.steps.map((s) => [s.id, s]))
  const depth = new Map<string, number>()
  const visit = (id: string, d: number) => {
    if ((depth.get(id) ?? -1) >= d) return
    depth.set(id, d)
    for (const b of byId.get(id)?.branches ?? []) if (b.next) visit(b.next, d + 1)
  }
  visit(script.start, 0)
  return depth
}

/** The answers that take a branch ("any other answer" for the default), ⚑ when it raises a signal. */
function branchLabel(b: ScriptBranch, step: ScriptStep, i18n: Pick<I18n, 't' | 'pick'>): string {
  const w = b.when
  const answers = (w?.in ?? []).map((v) => answerLabel(step, v, i18n))
  const range =
    w && (w.min !== undefined || w.max !== undefined) ? [`${w.min ?? ''}–${w.max ?? ''}`] : []
  const text = [...answers, ...range].join(' / ') || i18n.t('scripts.otherwise')
  return b.signal ? `${text} ⚑` : text
}

function shorten(text: string): string {
  return text.length > 18 ? `${text.slice(0, 17)}…` : text
}
