// A thin React wrapper over echarts/core: init on mount, follow the container's size, replace the
// option when it changes, dispose on unmount. Only the charts the dashboard draws are registered,
// which keeps echarts' share of the dashboard chunk small.
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsCoreOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

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

export function EChart({ option, className, ariaLabel }: Props) {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    if (!el.current) return
    const instance = echarts.init(el.current)
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(el.current)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // notMerge: a series that disappeared (a channel with no contacts in the range) must go.
    chart.current?.setOption(option, true)
  }, [option])

  return <div ref={el} className={className ?? 'chart'} role="img" aria-label={ariaLabel} />
}
