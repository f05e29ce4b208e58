// Which answers lead to which endings, as a sankey: each step's answer on the left, how the calls
// that gave it ended on the right (an outcome, or ended early / still open).
import { SankeyChart } from 'echarts/charts'
import * as echarts from 'echarts/core'
import { useMemo } from 'react'
import type { ScriptAnalytics, ScriptDefinition } from '../api/response-types'
import { useI18n } from '../i18n/i18n'
import { EChart } from './echart'
import { answerLabel } from './script-answer-label'

echarts.use([SankeyChart])

type Props = { analytics: ScriptAnalytics; script: ScriptDefinition | undefined }

export function ScriptSankeyView({ analytics, script }: Props) {
  const { t, label, pick } = useI18n()
  const option = useMemo(() => {
    const ending = (e: string) =>
      label('outcome', e) !== e ? label('outcome', e) : label('callStatus', e)
    const nodes = new Set<string>()
    const links = analytics.answers.flatMap((a) =>
      Object.entries(a.outcomes).map(([end, calls]) => {
        const step = script?.steps.find((s) => s.id === a.step_id)
        // Answers without a value of their own are counted as (none), (text) or (number).
        const shown = /^\(\w+\)$/.test(a.value)
          ? label('answerKind', a.value.slice(1, -1))
          : answerLabel(step, a.value, { t, pick })
        const source = `${a.step_id} · ${shown}`
        const target = ending(end)
        nodes.add(source).add(target)
        return { source, target, value: calls }
      }),
    )
    return {
      textStyle: { fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' },
      tooltip: { trigger: 'item' },
      animation: false,
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 170,
          nodeGap: 10,
          emphasis: { focus: 'adjacency' },
          label: { fontSize: 11 },
          lineStyle: { color: 'gradient', opacity: 0.35 },
          data: [...nodes].map((name) => ({ name })),
          links,
        },
      ],
    }
  }, [analytics, script, label, pick, t])
  return <EChart option={option} className="script-sankey" ariaLabel={t('analytics.sankey')} />
}
