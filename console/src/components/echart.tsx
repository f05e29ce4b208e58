// A thin React wrapper over echarts/core: init once the container has a size, follow its size,
// replace the option when it changes, dispose on unmount. Only the charts the dashboard draws are
// registered, which keeps echarts' share of the dashboard chunk small.
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsCoreOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef, useState } from 'react'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
])

type Props = { option: EChartsCoreOption; className?: string; ariaLabel?: string }

/** What is drawn in one box: the chart once made, the option to show, the size last drawn at. */
type Drawing = {
  chart: echarts.ECharts | null
  option: EChartsCoreOption
  /** The option changed since it was last given to the chart. */
  stale: boolean
  size: string
}

/**
 * Brings the chart in `box` up to date — made on first need, resized when the box changed size,
 * given the newest option — but only while the box has an area. In a box with none (a hidden tab,
 * a collapsed panel) echarts draws nothing useful, and its sankey layout throws there: the chart
 * waits until the box is shown.
 */
function drawWhenSized(box: HTMLElement, d: Drawing): void {
  const { clientWidth: width, clientHeight: height } = box
  if (width === 0 || height === 0) return
  const size = `${width}x${height}`
  if (!d.chart) {
    d.chart = echarts.init(box)
    d.stale = true
  } else if (size !== d.size) d.chart.resize()
  d.size = size
  if (!d.stale) return
  // notMerge: a series that disappeared (a channel with no contacts in the range) must go.
  d.chart.setOption(d.option, true)
  d.stale = false
}

export function EChart({ option, className, ariaLabel }: Props) {
  const el = useRef<HTMLDivElement>(null)
  const drawing = useRef<Drawing>({ chart: null, option, stale: true, size: '' })
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)

  useEffect(() => {
    const box = el.current
    if (!box) return
    const d = drawing.current
    const observer = new ResizeObserver(() => {
      try {
        drawWhenSized(box, d)
      } catch (error) {
        setFailure({ error })
      }
    })
    observer.observe(box)
    return () => {
      observer.disconnect()
      d.chart?.dispose()
      d.chart = null
    }
  }, [])

  useEffect(() => {
    const d = drawing.current
    d.stale ||= d.option !== option
    d.option = option
    if (el.current) drawWhenSized(el.current, d)
  }, [option])

  // A draw that fails in the resize observer fails like one in an effect: to the nearest boundary
  // (the chart's own, or the page's), never as an uncaught error.
  if (failure) throw failure.error
  return <div ref={el} className={className ?? 'chart'} role="img" aria-label={ariaLabel} />
}
