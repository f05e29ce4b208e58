// 话术管理: every call script with its versions — the graph of the version chosen, its steps, and
// (for admins) editing it as the next version. A call keeps the version it started on.
import { Button, Card, Col, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { ScriptDefinition, ScriptSummary } from '../../api/response-types'
import { useAuth } from '../../auth/auth'
import { ChartBoundary } from '../../components/chart-boundary'
import { ErrorView } from '../../components/error-view'
import { ScriptEditor } from '../../components/script-editor'
import { answerLabel } from '../../components/script-answer-label'
import { ScriptGraphView } from '../../components/script-graph-view'
import { formatTime } from '../../format'
import { useApi } from '../../hooks/use-api'
import { useI18n } from '../../i18n/i18n'

export default function CallScriptsPage() {
  const { t, pick } = useI18n()
  const list = useApi<{ items: ScriptSummary[] }>('/scripts')
  const [chosen, setChosen] = useState<string>()
  const id = chosen ?? list.data?.items[0]?.id
  const summary = list.data?.items.find((s) => s.id === id)
  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('scripts.title')}
      </Typography.Title>
      {list.error !== undefined && <ErrorView error={list.error} onRetry={list.reload} />}
      <Row gutter={12}>
        <Col xs={24} xl={6}>
          <Card size="small" title={t('scripts.list')}>
            <Table<ScriptSummary>
              size="small"
              rowKey="id"
              loading={list.loading}
              pagination={false}
              dataSource={list.data?.items ?? []}
              rowClassName={(r) => (r.id === id ? 'row-selected' : '')}
              onRow={(r) => ({ onClick: () => setChosen(r.id) })}
              columns={[
                {
                  title: t('scripts.name'),
                  key: 'title',
                  render: (_: unknown, r) => (
                    <Space orientation="vertical" size={0}>
                      <span>{r.title ? pick(r.title) : r.id}</span>
                      <span className="mono muted small">{r.id}</span>
                    </Space>
                  ),
                },
                {
                  title: t('scripts.version'),
                  dataIndex: 'current_version',
                  render: (v: number) => <Tag>v{v}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={18}>
          {summary && (
            <ScriptVersions key={summary.id} summary={summary} onPublished={list.reload} />
          )}
        </Col>
      </Row>
    </div>
  )
}

function ScriptVersions({
  summary,
  onPublished,
}: {
  summary: ScriptSummary
  onPublished: () => void
}) {
  const { t, pick } = useI18n()
  const { can } = useAuth()
  const [version, setVersion] = useState(summary.current_version)
  const [editing, setEditing] = useState(false)
  const script = useApi<ScriptDefinition>(`/scripts/${encodeURIComponent(summary.id)}`, {
    version,
  })
  const s = script.data?.id === summary.id ? script.data : undefined
  const meta = summary.versions.find((v) => v.version === version)
  return (
    <Card
      size="small"
      title={s ? `${pick(s.title)} · v${s.version}` : summary.id}
      extra={
        <Space>
          <Select
            aria-label={t('scripts.version')}
            value={version}
            onChange={setVersion}
            options={summary.versions.map((v) => ({
              value: v.version,
              label: `v${v.version} · ${v.source === 'file' ? t('scripts.fromFile') : v.created_by}`,
            }))}
            className="version-select"
          />
          {can('scripts:manage') && !editing && (
            <Button type="primary" onClick={() => setEditing(true)} disabled={!s}>
              {t('scripts.edit')}
            </Button>
          )}
        </Space>
      }
    >
      {script.error !== undefined && <ErrorView error={script.error} onRetry={script.reload} />}
      {meta && (
        <div className="muted small">
          {t('scripts.versionMeta', {
            by: meta.source === 'file' ? t('scripts.fromFile') : meta.created_by,
            at: formatTime(meta.created_at),
          })}
        </div>
      )}
      {!s ? (
        <Skeleton active />
      ) : editing ? (
        <ScriptEditor
          script={s}
          onCancel={() => setEditing(false)}
          onPublished={(saved) => {
            setEditing(false)
            setVersion(saved.version)
            onPublished()
          }}
        />
      ) : (
        <>
          <ChartBoundary fallback={t('scripts.chartFailed')}>
            <ScriptGraphView script={s} />
          </ChartBoundary>
          <StepTable script={s} />
        </>
      )}
    </Card>
  )
}

function StepTable({ script }: { script: ScriptDefinition }) {
  const { t, pick, label } = useI18n()
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={script.steps}
      className="section"
      columns={[
        {
          title: t('scripts.step'),
          dataIndex: 'id',
          render: (v: string) => <span className="mono">{v}</span>,
        },
        { title: t('scripts.say'), key: 'say', render: (_: unknown, s) => pick(s.say) },
        {
          title: t('scripts.answer'),
          key: 'answer',
          render: (_: unknown, s) => t(`answerType.${s.answer.type}`),
        },
        {
          title: t('scripts.leadsTo'),
          key: 'branches',
          render: (_: unknown, s) =>
            s.branches.map((b, i) => (
              <div key={i} className="small">
                {b.when?.in?.map((v) => answerLabel(s, v, { t, pick })).join(' / ') ??
                  t('scripts.otherwise')}{' '}
                →{' '}
                {b.next ? (
                  <span className="mono">{b.next}</span>
                ) : (
                  label('outcome', b.outcome ?? '')
                )}
                {b.signal && <Tag color="orange">{label('signal', b.signal)}</Tag>}
              </div>
            )),
        },
      ]}
    />
  )
}
