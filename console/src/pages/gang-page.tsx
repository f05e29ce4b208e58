// One gang (团伙): its summary and its relationship graph, where an investigator filters link
// kinds, expands an identifier, selects nodes into a case and exports the picture.
import { Alert, Card, Space, Typography } from 'antd'
import { Link, useParams } from 'react-router-dom'
import type { GangDetail, GangGraphPayload } from '../api/gang-types'
import { ErrorView } from '../components/error-view'
import { GangGraphView } from '../components/gang-graph-view'
import { GangSummaryView } from '../components/gang-summary-view'
import { SeverityTag } from '../components/risk-tags'
import { formatTime } from '../format'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'

export default function GangPage() {
  const { t } = useI18n()
  const id = useParams().id ?? ''
  const gang = useApi<GangDetail>(`/gangs/${encodeURIComponent(id)}`)
  const graph = useApi<GangGraphPayload>(`/gangs/${encodeURIComponent(id)}/graph`)
  if (gang.error !== undefined) return <ErrorView error={gang.error} onRetry={gang.reload} />
  const g = gang.data
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          <Space>
            {t('gang.title', { id })}
            {g && <SeverityTag severity={g.severity} />}
          </Space>
        </Typography.Title>
        {g && (
          <span className="muted">
            {t('gangs.computedAt', { time: formatTime(g.computed_at) })}
          </span>
        )}
      </div>
      {g?.merged_into && (
        <Alert
          type="info"
          showIcon
          message={
            <Link to={`/gangs/${g.merged_into}`}>{t('gang.merged', { id: g.merged_into })}</Link>
          }
        />
      )}
      <Card title={t('gang.summary')} size="small" loading={gang.loading} className="gang-card">
        {g && <GangSummaryView gang={g} />}
      </Card>
      <Card title={t('gang.graph')} size="small" loading={graph.loading} className="gang-card">
        {graph.error !== undefined && <ErrorView error={graph.error} onRetry={graph.reload} />}
        {graph.data?.truncated && <Alert type="warning" showIcon message={t('gang.truncated')} />}
        {graph.data && <GangGraphView gangId={id} payload={graph.data} />}
      </Card>
    </div>
  )
}
