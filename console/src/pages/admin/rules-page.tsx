// 规则: the rule set in force (version, file, signal weights and its sections) and the versions
// that assessed the stored contacts. Read-only: rule sets change through files and backtests.
import { Card, Col, Collapse, Descriptions, Row, Skeleton, Table, Tag, Typography } from 'antd'
import type { RulesInfo } from '../../api/types'
import { ErrorView } from '../../components/error-view'
import { JsonView } from '../../components/json-view'
import { useApi } from '../../hooks/use-api'
import { formatNumber, formatTime } from '../../format'
import { useI18n } from '../../i18n/i18n'

type SignalRow = RulesInfo['current']['signals'][number]
type VersionRow = RulesInfo['versions'][number]

// Shown above, or not rule content: everything else in `current` is a section of the rule set.
const described = new Set(['version', 'description', 'path', 'signals'])

export default function RulesPage() {
  const { t, label } = useI18n()
  const rules = useApi<RulesInfo>('/rules')
  const r = rules.data
  const sections = r
    ? Object.entries(r.current).filter(([k, v]) => !described.has(k) && v != null)
    : []

  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('rules.title')}
      </Typography.Title>
      {rules.error !== undefined && <ErrorView error={rules.error} onRetry={rules.reload} />}
      {!r ? (
        rules.error === undefined && <Skeleton active />
      ) : (
        <Row gutter={12}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('rules.current')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'v',
                    label: t('rules.version'),
                    children: <Tag color="blue">{r.current.version}</Tag>,
                  },
                  {
                    key: 'p',
                    label: t('rules.path'),
                    children: <span className="mono">{r.current.path}</span>,
                  },
                  ...(r.current.description
                    ? [
                        {
                          key: 'd',
                          label: '',
                          children: <span className="muted">{r.current.description}</span>,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={t('rules.versions')} className="section">
              <Table<VersionRow>
                size="small"
                rowKey="version"
                pagination={false}
                dataSource={r.versions}
                columns={[
                  {
                    title: t('rules.version'),
                    dataIndex: 'version',
                    render: (v: string) => (
                      <span>
                        {v}{' '}
                        {v === r.current.version && <Tag color="blue">{t('rules.currentTag')}</Tag>}
                      </span>
                    ),
                  },
                  {
                    title: t('rules.assessed'),
                    dataIndex: 'contacts_assessed',
                    align: 'right',
                    render: formatNumber,
                  },
                  {
                    title: t('rules.lastAssessed'),
                    dataIndex: 'last_assessed_at',
                    render: formatTime,
                  },
                ]}
              />
            </Card>
            {sections.length > 0 && (
              <Card size="small" title={t('rules.rules')} className="section">
                <Collapse
                  size="small"
                  items={sections.map(([key, value]) => ({
                    key,
                    label: (
                      <span>
                        {label('rulesSection', key)} <span className="mono muted">{key}</span>
                      </span>
                    ),
                    children: <JsonView value={value} />,
                  }))}
                />
              </Card>
            )}
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('rules.signals')}>
              <Table<SignalRow>
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={r.current.signals}
                columns={[
                  {
                    title: t('rules.signal'),
                    dataIndex: 'code',
                    render: (v: string, s) => (
                      <div>
                        <div>{label('signal', v)}</div>
                        <div className="mono muted">{v}</div>
                        {s.describes && <div className="muted small">{s.describes}</div>}
                      </div>
                    ),
                  },
                  {
                    title: t('rules.weight'),
                    dataIndex: 'weight',
                    width: 80,
                    align: 'right',
                    render: (w: number) => w.toFixed(2),
                  },
                  {
                    title: t('rules.enabled'),
                    dataIndex: 'enabled',
                    width: 70,
                    render: (e: boolean) =>
                      e ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  )
}
