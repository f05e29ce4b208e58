// ECharts options for the dashboard, built from /api/stats. Pure functions: the page only picks
// the labels' language and hands the result to <EChart>.
import type { EChartsCoreOption } from 'echarts/core'
import { channels } from '../api/types'
import type { Stats } from '../api/types'
import { riskPalette } from '../risk-palette'

const font = {
  fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
}

// One colour per channel, stable across ranges so that "电话" is always the same blue.
const channelColours = [
  '#1f5fbf',
  '#13a8a8',
  '#7cb305',
  '#722ed1',
  '#d48806',
  '#eb2f96',
  '#595959',
  '#bfbfbf',
]

type Label = (code: string) => string

export function channelDayOption(
  stats: Stats,
  channelLabel: Label,
  shareName: string,
): EChartsCoreOption {
  const days = everyDay([...new Set(stats.by_channel_day.map((r) => r.day))].sort())
  const index = new Map(days.map((d, i) => [d, i]))
  const present = channels.filter((c) => stats.by_channel_day.some((r) => r.channel === c))
  const totals = days.map(() => ({ contacts: 0, flagged: 0 }))
  const series = present.map((channel) => {
    const data = days.map(() => 0)
    for (const r of stats.by_channel_day) {
      if (r.channel !== channel) continue
      const i = index.get(r.day.slice(0, 10)) ?? 0
      data[i] = (data[i] ?? 0) + r.contacts
      totals[i]!.contacts += r.contacts
      totals[i]!.flagged += r.flagged
    }
    return { name: channelLabel(channel), type: 'bar', stack: 'contacts', data, barMaxWidth: 28 }
  })
  const share = totals.map((t) => (t.contacts ? +((100 * t.flagged) / t.contacts).toFixed(1) : 0))
  return {
    textStyle: font,
    color: present.map((c) => channelColours[channels.indexOf(c)] ?? '#8c8c8c'),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 52, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false }, min: 0 },
    ],
    series: [
      ...series,
      {
        name: shareName,
        type: 'line',
        yAxisIndex: 1,
        data: share,
        symbolSize: 5,
        itemStyle: { color: riskPalette.high.fg },
        tooltip: { valueFormatter: (v: number) => `${v}%` },
      },
    ],
  }
}

export function categoryOption(stats: Stats, categoryLabel: Label): EChartsCoreOption {
  const rows = [...stats.by_category].sort((a, b) => a.contacts - b.contacts)
  return {
    textStyle: font,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => categoryLabel(r.category)) },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.contacts),
        itemStyle: { color: riskPalette.medium.fg },
        label: { show: true, position: 'right' },
        barMaxWidth: 18,
      },
    ],
  }
}

export function severityOption(stats: Stats, severityLabel: Label): EChartsCoreOption {
  const order = ['level1', 'level2'] as const
  const colours = { level1: '#c41d7f', level2: '#531dab' }
  return {
    textStyle: font,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: order.map((s) => severityLabel(s)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: order.map((s) => ({
          value: stats.by_severity.find((r) => r.severity === s)?.contacts ?? 0,
          itemStyle: { color: colours[s] },
        })),
      },
    ],
  }
}

/** The days from the first to the last, gaps included: a quiet day is a zero, not a missing bar. */
function everyDay(sorted: string[]): string[] {
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (!first || !last) return []
  const out: string[] = []
  const d = new Date(`${first.slice(0, 10)}T00:00:00Z`)
  const end = new Date(`${last.slice(0, 10)}T00:00:00Z`)
  while (d <= end && out.length < 400) {
    out.push(d.toISOString().slice(0, 10))
    d.setUTCDate(d.getUTCDate() + 1)
  }
  return out
}
