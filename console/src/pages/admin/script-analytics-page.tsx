// 话术分析: for one script (one version or all), how its calls end — outcomes, and the step where
// calls ended early or still wait — and which answers lead to which endings, from the saved runs.
import { Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd'
import { useState } from 'react'
import type { ScriptAnalytics, ScriptDefinition, ScriptSummary } from '../../api/response-types'
import { ChartBoundary } from '../../components/chart-boundary'
import { ErrorView } from '../../components/error-view'
import { ScriptSankeyView } from '../../components/script-sankey-view'
import { useApi } from '../../hooks/use-api'
import { useI18n } from '../../i18n/i18n'

type Ending = { key: string; ending: string; step: string | null; calls: number }

export default function ScriptAnalyticsPage() {
  const { t, pick } = useI18n()
  const list = useApi<{ items: ScriptSummary[] }>('/scripts')
  const [chosen, setChosen] = useState<string>()
  const [version, setVersion] = useState<number>()
  const id =
    chosen ??
    list.data?.items.find((s) => s.id === 'suspected-agency')?.id ??
    list.data?.items[0]?.id
  const summary = list.data?.items.find((s) => s.id === id)
  const stats = useApi<ScriptAnalytics>(
    id ? `/scripts/${encodeURIComponent(id)}/analytics` : null,
    { version },
  )
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('analytics.title')}
        </Typography.Title>
        <Space>
          <Select
            aria-label={t('analytics.script')}
            className="script-select"
            value={id}
            onChange={(v) => {
              setChosen(v)
              setVersion(undefined)
            }}
            options={(list.data?.items ?? []).map((s) => ({
              value: s.id,
              label: s.title ? pick(s.title) : s.id,
            }))}
          />
          <Select
            aria-label={t('scripts.version')}
            className="version-select"
            value={version ?? 0}
            onChange={(v) => setVersion(v || undefined)}
            options={[
              { value: 0, label: t('analytics.allVersions') },
              ...(summary?.versions ?? []).map((v) => ({
                value: v.version,
                label: `v${v.version}`,
              })),
            ]}
          />
        </Space>
      </div>
      {list.error !== undefined && <ErrorView error={list.error} onRetry={list.reload} />}
      {stats.error !== undefined && <ErrorView error={stats.error} onRetry={stats.reload} />}
      {!stats.data ? (
        stats.error === undefined && <Skeleton active />
      ) : (
        <AnalyticsBody a={stats.data} />
      )}
    </div>
  )
}

function AnalyticsBody({ a }: { a: ScriptAnalytics }) {
  const { t, label } = useI18n()
  // Answer labels from the version asked for (the current one across versions).
  const script = useApi<ScriptDefinition>(`/scripts/${encodeURIComponent(a.script_id)}`, {
    version: a.version ?? undefined,
  })
  const count = (status: string) => a.by_status.find((s) => s.status === status)?.calls ?? 0
  const endings: Ending[] = [
    ...a.by_outcome.map((o) => ({
      key: `o:${o.outcome}`,
      ending: label('outcome', o.outcome),
      step: null,
      calls: o.calls,
    })),
    ...a.stopped_at.map((s) => ({
      key: `s:${s.status}:${s.step_id}`,
      ending: label('callStatus', s.status),
      step: s.step_id,
      calls: s.calls,
    })),
  ].sort((x, y) => y.calls - x.calls)
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Row gutter={12}>
        {(['calls', 'completed', 'ended_early', 'in_progress'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`analytics.${k}`)} value={k === 'calls' ? a.calls : count(k)} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('analytics.whereEnd')}>
            <Table<Ending>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={endings}
              columns={[
                { title: t('analytics.ending'), dataIndex: 'ending' },
                {
                  title: t('scripts.step'),
                  dataIndex: 'step',
                  render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
                },
                { title: t('analytics.calls'), dataIndex: 'calls', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('analytics.sankey')}>
            {a.answers.length ? (
              <ChartBoundary fallback={t('scripts.chartFailed')}>
                <ScriptSankeyView analytics={a} script={script.data} />
              </ChartBoundary>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.noAnswers')} />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  )
}
